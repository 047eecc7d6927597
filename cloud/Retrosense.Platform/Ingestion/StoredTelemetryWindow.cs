using System;
using Retrosense.Platform.Ingestion.Wire;

namespace Retrosense.Platform.Ingestion;

/// <summary>
/// One stored telemetry window, as read back for the API; features use the wire records' shape and units.
/// <see cref="TimestampUtc"/> is the message time (the node's <c>ts</c>), <see cref="ReceivedAtUtc"/> when the store
/// accepted it; <see cref="Environment"/> is null when the message carried no environment summary.
/// </summary>
public sealed record StoredTelemetryWindow(
    string TenantId,
    string SiteId,
    string AssetId,
    string NodeId,
    long Boot,
    long Seq,
    DateTimeOffset TimestampUtc,
    DateTimeOffset ReceivedAtUtc,
    bool Historical,
    long ConfigVersion,
    double RateHz,
    long Samples,
    string Zone,
    double? VelocityRmsMaxMmPerSecond,
    AxisFeaturesWire X,
    AxisFeaturesWire Y,
    AxisFeaturesWire Z,
    EnvironmentWire? Environment);
