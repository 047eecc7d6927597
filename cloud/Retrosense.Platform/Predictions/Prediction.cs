using System;

namespace Retrosense.Platform.Predictions;

/// <summary>
/// One model output for an asset at a telemetry window's time. <see cref="DetailsJson"/> is a JSON object with what
/// explains it (anomaly drivers, ISO zone trend, baseline state, RUL interval …), kept as text in both databases.
/// </summary>
/// <param name="NodeId">The node whose window was scored, when the prediction comes from one window.</param>
/// <param name="TimestampUtc">The scored window's message time.</param>
/// <param name="CreatedAtUtc">When the store kept it (set by the store; ignored on write).</param>
public sealed record Prediction(
    string TenantId,
    string SiteId,
    string AssetId,
    string? NodeId,
    string ModelName,
    string ModelVersion,
    PredictionKind Kind,
    DateTimeOffset TimestampUtc,
    double? Value,
    string? Label,
    string? DetailsJson,
    DateTimeOffset CreatedAtUtc = default);
