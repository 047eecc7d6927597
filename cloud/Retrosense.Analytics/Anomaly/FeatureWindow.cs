using System;
using System.Collections.Generic;
using Retrosense.Platform.Ingestion.Wire;

namespace Retrosense.Analytics.Anomaly;

/// <summary>
/// One telemetry window as the anomaly baseline sees it: the natural logarithm of each <see cref="NodeFeatureSet"/>
/// feature (NaN where the node could not compute it), plus the node's ISO 10816 zone and velocity for the zone trend.
/// Logs because vibration amplitudes are multiplicative (a fault doubles a level rather than adding to it) and skewed;
/// on the log scale a robust centre and spread describe a healthy machine well.
/// </summary>
public sealed record FeatureWindow(DateTimeOffset TimestampUtc, string NodeId, string Zone, double? VelocityRmsMaxMmPerSecond, IReadOnlyList<double> LogValues)
{
    public static FeatureWindow FromTelemetry(string nodeId, TelemetryWire telemetry)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        var features = NodeFeatureSet.All;
        var values = new double[features.Count];
        for (var i = 0; i < features.Count; i++)
        {
            var feature = features[i];
            var value = feature.Read(NodeFeatureSet.AxisOf(telemetry, feature.Axis));
            values[i] = value is { } number && double.IsFinite(number) ? Math.Log(Math.Max(number, feature.Floor)) : double.NaN;
        }

        return new FeatureWindow(DateTimeOffset.FromUnixTimeMilliseconds(telemetry.TimestampUnixMilliseconds), nodeId, telemetry.Zone, telemetry.VelocityRmsMaxMmPerSecond, values);
    }
}
