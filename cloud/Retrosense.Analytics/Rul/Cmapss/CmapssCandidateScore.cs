using System.Collections.Generic;

namespace Retrosense.Analytics.Rul.Cmapss;

/// <summary>One candidate's cross-validation result: pooled RMSE (cycles, against the capped target) and per fold.</summary>
public sealed record CmapssCandidateScore(CmapssModelSettings Settings, double RmseCapped, IReadOnlyList<double> FoldRmseCapped);
