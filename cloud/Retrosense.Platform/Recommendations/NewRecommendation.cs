using System;

namespace Retrosense.Platform.Recommendations;

/// <summary>
/// A recommendation to store: setpoints per control (JSON object) and the expected effect (JSON: predicted outcome
/// with interval, improvement, confidence, the message and the inputs used).
/// </summary>
/// <param name="Trigger">"schedule" or the user who asked; recorded in the usage log.</param>
public sealed record NewRecommendation(string TenantId, string? AssetId, string? LineId, string ModelVersion, DateTimeOffset AtUtc, string SetpointsJson, string ExpectedEffectJson, string Trigger);
