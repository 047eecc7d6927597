using System.Collections.Generic;

namespace Retrosense.Server.Api.Responses;

/// <summary>A recommendation with every accept/reject recorded for it, oldest first.</summary>
public sealed record RecommendationDetailResponse(RecommendationResponse Recommendation, IReadOnlyList<RecommendationDecisionResponse> Decisions);
