using System.Collections.Generic;

namespace Retrosense.Analytics.Process;

/// <summary>
/// A recommendation: the settings, the predicted outcome there and at the current settings, the improvement and a
/// confidence level ("high", "medium", "low", "none"), and a plain-language message saying what to do and why.
/// <see cref="Setpoints"/> are the current settings when <see cref="Status"/> is not Recommended.
/// </summary>
/// <param name="SupportDistance">Distance of the recommended point from the training data (standardised units, see <see cref="ProcessSupportRegion"/>).</param>
/// <param name="SearchBox">Per control: the range searched (bounds ∩ step limits ∩ training range).</param>
public sealed record ProcessRecommendation(
    ProcessRecommendationStatus Status,
    string Confidence,
    string Message,
    string Target,
    string Objective,
    IReadOnlyDictionary<string, double> Setpoints,
    IReadOnlyDictionary<string, double>? Current,
    ProcessPredictedOutcome? Predicted,
    ProcessPredictedOutcome? CurrentPredicted,
    ProcessImprovement? Improvement,
    double? SupportDistance,
    double SupportLimit,
    IReadOnlyDictionary<string, ProcessBounds> SearchBox,
    IReadOnlyList<string> Warnings,
    string ModelVersion,
    int Seed);
