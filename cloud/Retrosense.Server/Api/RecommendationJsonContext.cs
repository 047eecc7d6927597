using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Retrosense.Server.Api.Responses;

namespace Retrosense.Server.Api;

/// <summary>Source-generated serializers for the recommendation API bodies (camelCase like the rest of the API).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RecommendationResponse))]
[JsonSerializable(typeof(IReadOnlyList<RecommendationResponse>))]
[JsonSerializable(typeof(RecommendationDetailResponse))]
[JsonSerializable(typeof(CreateRecommendationRequest))]
[JsonSerializable(typeof(RecommendationDecisionRequest))]
internal sealed partial class RecommendationJsonContext : JsonSerializerContext
{
}
