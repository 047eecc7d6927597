using System;

namespace Retrosense.Platform.Recommendations;

public sealed record StoredRecommendation(
    long RecommendationId,
    string TenantId,
    string? AssetId,
    string? LineId,
    string ModelVersion,
    DateTimeOffset AtUtc,
    string SetpointsJson,
    string? ExpectedEffectJson,
    string Status,
    DateTimeOffset CreatedAtUtc);
