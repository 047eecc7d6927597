using System;
using System.Linq;
using System.Threading.Tasks;
using Retrosense.Platform.Ingestion.Wire;
using Retrosense.Platform.Rollups;
using Retrosense.Storage.Tests.Backends;
using Retrosense.Storage.Tests.Ingestion;

namespace Retrosense.Storage.Tests.Rollups;

/// <summary>Rollups kept by the ingestion batch write, read through <see cref="IRollupStore"/>; run against every adapter.</summary>
public abstract class RollupStoreTests : StoreTestBase
{
    /// <summary>A minute boundary (12:20:00 UTC on the golden messages' day).</summary>
    private static readonly DateTimeOffset Minute = new(2025, 11, 27, 12, 20, 0, TimeSpan.Zero);

    protected RollupStoreTests(StoreBackend backend)
        : base(backend)
    {
    }

    private IRollupStore Rollups => Store.Rollups;

    [Fact]
    public async Task Windows_Roll_Up_Per_Minute_And_Hour_With_Count_Minimum_Maximum_And_Mean()
    {
        await Store.Ingestion.WriteBatchAsync(
        [
            GoldenNodeMessages.Telemetry(1, Minute.AddSeconds(1), 4.0),
            GoldenNodeMessages.Telemetry(2, Minute.AddSeconds(20), 6.0),
            GoldenNodeMessages.Telemetry(3, Minute.AddSeconds(59.999), 5.0),
            GoldenNodeMessages.Telemetry(4, Minute.AddMinutes(1), 9.0),
        ]);

        var minutes = await Rollups.GetAssetRollupsAsync(GoldenNodeMessages.Tenant, GoldenNodeMessages.Asset, RollupResolution.Minute, Minute.AddHours(-1), Minute.AddHours(1), [RollupMetrics.VelocityRmsMaxMmPerSecond]);
        var hours = await Rollups.GetAssetRollupsAsync(GoldenNodeMessages.Tenant, GoldenNodeMessages.Asset, RollupResolution.Hour, Minute.AddHours(-1), Minute.AddHours(1), [RollupMetrics.VelocityRmsMaxMmPerSecond]);

        Assert.Equal(
            [
                new AssetRollupPoint(Minute, RollupMetrics.VelocityRmsMaxMmPerSecond, 3, 4.0, 6.0, 5.0),
                new AssetRollupPoint(Minute.AddMinutes(1), RollupMetrics.VelocityRmsMaxMmPerSecond, 1, 9.0, 9.0, 9.0),
            ],
            minutes);
        Assert.Equal([new AssetRollupPoint(new DateTimeOffset(2025, 11, 27, 12, 0, 0, TimeSpan.Zero), RollupMetrics.VelocityRmsMaxMmPerSecond, 4, 4.0, 9.0, 6.0)], hours);
    }

    [Fact]
    public async Task Every_Metric_Takes_The_Largest_Axis_Or_The_Environment_Mean()
    {
        var sent = GoldenNodeMessages.Decode("telemetry.json");
        var wire = (TelemetryWire)sent.Message;
        await Store.Ingestion.WriteBatchAsync([sent]);

        var points = await Rollups.GetAssetRollupsAsync(GoldenNodeMessages.Tenant, GoldenNodeMessages.Asset, RollupResolution.Minute, DateTimeOffset.UnixEpoch, GoldenNodeMessages.NewestGoldenTimestamp.AddDays(1));

        AxisFeaturesWire[] axes = [wire.Axes.X, wire.Axes.Y, wire.Axes.Z];
        var expected = new (string Metric, double? Value)[]
        {
            (RollupMetrics.VelocityRmsMaxMmPerSecond, axes.Max(axis => axis.VelocityRmsMmPerSecond)),
            (RollupMetrics.AccelerationRmsMaxG, axes.Max(axis => axis.RmsG)),
            (RollupMetrics.KurtosisMax, axes.Max(axis => axis.Kurtosis)),
            (RollupMetrics.CrestFactorMax, axes.Max(axis => axis.CrestFactor)),
            (RollupMetrics.EnvelopeRmsMaxG, axes.Max(axis => axis.EnvelopeRmsG)),
            (RollupMetrics.TemperatureCelsius, wire.Environment!.TemperatureCelsius!.Mean),
            (RollupMetrics.RelativeHumidityPercent, wire.Environment.RelativeHumidityPercent!.Mean),
            (RollupMetrics.PressureHectopascals, wire.Environment.PressureHectopascals!.Mean),
        };
        Assert.Equal(expected.OrderBy(item => item.Metric, StringComparer.Ordinal).Select(item => (item.Metric, item.Value)), points.Select(point => (point.Metric, (double?)point.Maximum)));
        Assert.All(points, point => Assert.Equal((1L, point.Maximum, point.Maximum), (point.Count, point.Minimum, point.Mean)));
        Assert.All(points, point => Assert.Equal(AtMinute(DateTimeOffset.FromUnixTimeMilliseconds(wire.TimestampUnixMilliseconds)), point.BucketStartUtc));
    }

    [Fact]
    public async Task Duplicates_Add_Nothing_And_Late_Messages_Merge_Into_Their_Own_Buckets()
    {
        var first = new[] { GoldenNodeMessages.Telemetry(1, Minute.AddSeconds(5), 4.0), GoldenNodeMessages.Telemetry(2, Minute.AddSeconds(6), 6.0) };
        await Store.Ingestion.WriteBatchAsync(first);
        await Store.Ingestion.WriteBatchAsync([.. first, first[0]]);

        // A late window in the same minute (lower than any so far) and a store-and-forward replay two hours back.
        await Store.Ingestion.WriteBatchAsync([GoldenNodeMessages.Telemetry(3, Minute.AddSeconds(7), 2.0)]);
        await Store.Ingestion.WriteBatchAsync([GoldenNodeMessages.Telemetry(4, Minute.AddHours(-2), 7.0, historical: true)]);

        var minutes = await Rollups.GetAssetRollupsAsync(GoldenNodeMessages.Tenant, GoldenNodeMessages.Asset, RollupResolution.Minute, Minute.AddDays(-1), Minute.AddDays(1), [RollupMetrics.VelocityRmsMaxMmPerSecond]);

        Assert.Equal(
            [
                new AssetRollupPoint(Minute.AddHours(-2), RollupMetrics.VelocityRmsMaxMmPerSecond, 1, 7.0, 7.0, 7.0),
                new AssetRollupPoint(Minute, RollupMetrics.VelocityRmsMaxMmPerSecond, 3, 2.0, 6.0, 4.0),
            ],
            minutes);
        var hours = await Rollups.GetAssetRollupsAsync(GoldenNodeMessages.Tenant, GoldenNodeMessages.Asset, RollupResolution.Hour, Minute.AddDays(-1), Minute.AddDays(1), [RollupMetrics.VelocityRmsMaxMmPerSecond]);
        Assert.Equal([1L, 3L], hours.Select(point => point.Count));
    }

    [Fact]
    public async Task The_Range_Is_Half_Open_Other_Assets_Are_Not_Mixed_In_And_Unknown_Metrics_Are_Refused()
    {
        await Store.Ingestion.WriteBatchAsync([GoldenNodeMessages.Telemetry(1, Minute, 4.0), GoldenNodeMessages.Telemetry(2, Minute.AddMinutes(1), 5.0)]);

        var firstOnly = await Rollups.GetAssetRollupsAsync(GoldenNodeMessages.Tenant, GoldenNodeMessages.Asset, RollupResolution.Minute, Minute, Minute.AddMinutes(1), [RollupMetrics.VelocityRmsMaxMmPerSecond]);
        var otherAsset = await Rollups.GetAssetRollupsAsync(GoldenNodeMessages.Tenant, "other-asset", RollupResolution.Minute, Minute.AddDays(-1), Minute.AddDays(1));
        var problem = await Assert.ThrowsAsync<ArgumentException>(() => Rollups.GetAssetRollupsAsync(GoldenNodeMessages.Tenant, GoldenNodeMessages.Asset, RollupResolution.Minute, Minute, Minute.AddHours(1), ["vel_rms_max_mm_s", "speed_of_light"]));

        Assert.Equal([Minute], firstOnly.Select(point => point.BucketStartUtc));
        Assert.Empty(otherAsset);
        Assert.Contains("'speed_of_light'", problem.Message, StringComparison.Ordinal);
    }

    private static DateTimeOffset AtMinute(DateTimeOffset instant) => new(instant.Year, instant.Month, instant.Day, instant.Hour, instant.Minute, 0, TimeSpan.Zero);
}
