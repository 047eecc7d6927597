using System;

namespace Retrosense.Platform.Predictions;

/// <summary>An asset's predictions with window time in [<paramref name="FromUtc"/>, <paramref name="ToUtc"/>), oldest first.</summary>
/// <param name="Kind">Only this kind, when given.</param>
public sealed record PredictionQuery(
    string TenantId,
    string SiteId,
    string AssetId,
    DateTimeOffset FromUtc,
    DateTimeOffset ToUtc,
    PredictionKind? Kind = null,
    int Limit = 1000);
