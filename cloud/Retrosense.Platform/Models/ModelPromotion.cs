using System;

namespace Retrosense.Platform.Models;

/// <summary>One change of which version of (scope, name) is promoted: a promotion or a roll-back, with who did it.</summary>
/// <param name="ModelId">The version promoted by this change; null when a roll-back left no version promoted.</param>
/// <param name="ReplacedModelId">The version promoted before, if any.</param>
/// <param name="Action"><c>promote</c> or <c>rollback</c>.</param>
public sealed record ModelPromotion(
    long PromotionId,
    ModelScope Scope,
    string Name,
    long? ModelId,
    long? ReplacedModelId,
    string Action,
    DateTimeOffset AtUtc,
    string By);
