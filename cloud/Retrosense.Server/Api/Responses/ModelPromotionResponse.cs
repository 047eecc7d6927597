using System;

namespace Retrosense.Server.Api.Responses;

/// <summary>One promotion or roll-back.</summary>
/// <param name="ModelId">The version promoted by it; null when a roll-back left none promoted.</param>
/// <param name="Action"><c>promote</c> or <c>rollback</c>.</param>
public sealed record ModelPromotionResponse(long PromotionId, long? ModelId, long? ReplacedModelId, string Action, DateTime AtUtc, string By);
