using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Retrosense.Platform.Recommendations;

/// <summary>
/// Process-optimization recommendations and the decisions on them. Creating one and deciding on one each also write a
/// <c>usage_events</c> row (event types <c>recommendation_created</c>, <c>recommendation_accepted</c>,
/// <c>recommendation_rejected</c>) in the same transaction, so the usage log never misses a step. Thread-safe.
/// </summary>
public interface IRecommendationStore
{
    Task<StoredRecommendation> AddAsync(NewRecommendation recommendation, CancellationToken cancellationToken = default);

    Task<StoredRecommendation?> GetAsync(string tenantId, long recommendationId, CancellationToken cancellationToken = default);

    /// <summary>Newest first; <paramref name="assetId"/> and <paramref name="status"/> narrow when given.</summary>
    Task<IReadOnlyList<StoredRecommendation>> ListAsync(string tenantId, string? assetId, string? status, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a proposed recommendation to accepted or rejected and records who and why. Returns null when the tenant has
    /// no such recommendation; throws <see cref="System.InvalidOperationException"/> when it was already decided.
    /// </summary>
    Task<StoredRecommendation?> DecideAsync(string tenantId, long recommendationId, bool accept, string by, string? reason, CancellationToken cancellationToken = default);

    /// <summary>The decisions recorded for one recommendation, oldest first.</summary>
    Task<IReadOnlyList<RecommendationDecision>> ListDecisionsAsync(string tenantId, long recommendationId, CancellationToken cancellationToken = default);
}
