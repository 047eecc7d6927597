using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Retrosense.Server.Api.Responses;

namespace Retrosense.Server.Api;

/// <summary>Source-generated serializers for the predictions and models routes (camelCase like the rest of the API).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<PredictionResponse>))]
[JsonSerializable(typeof(IReadOnlyList<ModelResponse>))]
[JsonSerializable(typeof(ModelResponse))]
[JsonSerializable(typeof(IReadOnlyList<ModelPromotionResponse>))]
[JsonSerializable(typeof(ModelChangeRequest))]
internal sealed partial class PredictionApiJsonContext : JsonSerializerContext
{
}
