using System;
using System.Collections.Generic;
using Retrosense.Contracts;
using Retrosense.Platform.Ingestion.Wire;
using Retrosense.Platform.Rollups;

namespace Retrosense.Storage.Rollups;

/// <summary>
/// The rollup contribution of one batch, aggregated in memory per (tenant, asset, resolution, bucket, metric) so the
/// store issues one upsert per group instead of one per message and metric. Each window adds one value per metric:
/// the largest of the three axes for vibration metrics, the window mean for environment channels.
/// </summary>
internal sealed class AssetRollupBatch
{
    private const long MillisecondsPerMinute = 60_000;
    private const long MillisecondsPerHour = 3_600_000;

    private readonly Dictionary<AssetRollupKey, AssetRollupAggregate> _groups = [];

    public int Count => _groups.Count;

    public IEnumerable<KeyValuePair<AssetRollupKey, AssetRollupAggregate>> Groups => _groups;

    /// <summary>Adds a newly stored telemetry window (never a duplicate: duplicates add nothing).</summary>
    public void Add(TopicPath topic, TelemetryWire telemetry)
    {
        var axes = telemetry.Axes;
        AddValue(topic, telemetry, RollupMetrics.VelocityRmsMaxMmPerSecond, Max(axes.X.VelocityRmsMmPerSecond, axes.Y.VelocityRmsMmPerSecond, axes.Z.VelocityRmsMmPerSecond));
        AddValue(topic, telemetry, RollupMetrics.AccelerationRmsMaxG, Max(axes.X.RmsG, axes.Y.RmsG, axes.Z.RmsG));
        AddValue(topic, telemetry, RollupMetrics.KurtosisMax, Max(axes.X.Kurtosis, axes.Y.Kurtosis, axes.Z.Kurtosis));
        AddValue(topic, telemetry, RollupMetrics.CrestFactorMax, Max(axes.X.CrestFactor, axes.Y.CrestFactor, axes.Z.CrestFactor));
        AddValue(topic, telemetry, RollupMetrics.EnvelopeRmsMaxG, Max(axes.X.EnvelopeRmsG, axes.Y.EnvelopeRmsG, axes.Z.EnvelopeRmsG));
        if (telemetry.Environment is { } environment)
        {
            AddValue(topic, telemetry, RollupMetrics.TemperatureCelsius, environment.TemperatureCelsius?.Mean);
            AddValue(topic, telemetry, RollupMetrics.RelativeHumidityPercent, environment.RelativeHumidityPercent?.Mean);
            AddValue(topic, telemetry, RollupMetrics.PressureHectopascals, environment.PressureHectopascals?.Mean);
        }
    }

    /// <summary>Start of the bucket holding <paramref name="timestampUnixMilliseconds"/> (UTC minute or hour boundary).</summary>
    public static long BucketStartUnixMilliseconds(long timestampUnixMilliseconds, RollupResolution resolution)
    {
        var width = resolution == RollupResolution.Minute ? MillisecondsPerMinute : MillisecondsPerHour;
        return Math.DivRem(timestampUnixMilliseconds, width, out var remainder) * width - (remainder < 0 ? width : 0);
    }

    public static string ResolutionName(RollupResolution resolution) => resolution switch
    {
        RollupResolution.Minute => "minute",
        RollupResolution.Hour => "hour",
        _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "unknown rollup resolution"),
    };

    private void AddValue(TopicPath topic, TelemetryWire telemetry, string metric, double? value)
    {
        if (value is not { } present || !double.IsFinite(present))
        {
            return;
        }

        foreach (var resolution in (ReadOnlySpan<RollupResolution>)[RollupResolution.Minute, RollupResolution.Hour])
        {
            var key = new AssetRollupKey(topic.Tenant, topic.Asset, resolution, BucketStartUnixMilliseconds(telemetry.TimestampUnixMilliseconds, resolution), metric);
            _groups[key] = _groups.TryGetValue(key, out var aggregate) ? aggregate.With(present) : AssetRollupAggregate.Of(present);
        }
    }

    private static double? Max(double? x, double? y, double? z)
    {
        double? largest = null;
        foreach (var value in (ReadOnlySpan<double?>)[x, y, z])
        {
            if (value is { } present && (largest is null || present > largest))
            {
                largest = present;
            }
        }

        return largest;
    }
}
