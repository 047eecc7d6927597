using System.Collections.Generic;

namespace Retrosense.Analytics.Process;

/// <summary>One held-out batch: what was measured, what the model predicted at the settings used, and what it recommends instead.</summary>
public sealed record ProcessHoldoutBatch(string Batch, string Lot, double Actual, double PredictedAtCurrent, ProcessRecommendation Recommendation);
