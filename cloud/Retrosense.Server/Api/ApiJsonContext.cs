using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Retrosense.Server.Api.Responses;

namespace Retrosense.Server.Api;

/// <summary>Source-generated serializers for every API body: camelCase (web defaults), no reflection at request time.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<SiteResponse>))]
[JsonSerializable(typeof(AssetResponse))]
[JsonSerializable(typeof(IReadOnlyList<AssetResponse>))]
[JsonSerializable(typeof(IReadOnlyList<NodeResponse>))]
[JsonSerializable(typeof(IReadOnlyList<TelemetryWindowResponse>))]
[JsonSerializable(typeof(IReadOnlyList<RollupPointResponse>))]
[JsonSerializable(typeof(IReadOnlyList<AlarmResponse>))]
[JsonSerializable(typeof(AlarmDetailResponse))]
[JsonSerializable(typeof(AcknowledgeAlarmRequest))]
[JsonSerializable(typeof(IReadOnlyList<NodeAlarmMessageResponse>))]
[JsonSerializable(typeof(QuarantineListResponse))]
[JsonSerializable(typeof(QuarantineCountResponse))]
[JsonSerializable(typeof(HealthResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext
{
}
