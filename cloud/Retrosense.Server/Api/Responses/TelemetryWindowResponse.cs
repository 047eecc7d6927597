using System;

namespace Retrosense.Server.Api.Responses;

/// <summary>One stored telemetry window of an asset.</summary>
/// <param name="TimestampUtc">Message time (the node's <c>ts</c>): late and store-and-forward windows sit in their own place.</param>
/// <param name="ReceivedAtUtc">When the store committed it.</param>
/// <param name="Historical">True when the node sent it from its store-and-forward queue.</param>
/// <param name="Zone">ISO 10816-3 zone the node classified the window in.</param>
/// <param name="VelocityRmsMaxMmPerSecond">Largest axis velocity RMS (the ISO 10816 quantity).</param>
public sealed record TelemetryWindowResponse(
    string SiteId,
    string AssetId,
    string NodeId,
    long Boot,
    long Seq,
    DateTime TimestampUtc,
    DateTime ReceivedAtUtc,
    bool Historical,
    long ConfigVersion,
    double RateHz,
    long Samples,
    string Zone,
    double? VelocityRmsMaxMmPerSecond,
    AxisFeaturesResponse X,
    AxisFeaturesResponse Y,
    AxisFeaturesResponse Z,
    EnvironmentResponse? Environment);
