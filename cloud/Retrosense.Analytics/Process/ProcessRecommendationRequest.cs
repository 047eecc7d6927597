using System.Collections.Generic;

namespace Retrosense.Analytics.Process;

/// <summary>
/// What to optimise for: the conditions now (every condition of the model), the controls as they are set now (needed
/// for step limits and for the improvement), bounds per control and the largest change per control in one step.
/// </summary>
public sealed record ProcessRecommendationRequest(
    IReadOnlyDictionary<string, double> Conditions,
    IReadOnlyDictionary<string, double>? Current = null,
    IReadOnlyDictionary<string, ProcessBounds>? Bounds = null,
    IReadOnlyDictionary<string, double>? MaxStep = null,
    int Seed = ProcessModelSpec.DefaultSeed);
