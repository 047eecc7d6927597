using System;

namespace Retrosense.Platform.Recommendations;

/// <summary>A user's accept or reject of a recommendation, as kept in <c>usage_events</c> (the usage log and later feedback).</summary>
/// <param name="Decision">"accepted" or "rejected".</param>
public sealed record RecommendationDecision(long RecommendationId, string Decision, string By, string? Reason, DateTimeOffset AtUtc);
