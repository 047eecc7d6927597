using System.Collections.Generic;

namespace Retrosense.Analytics.FailureRisk;

/// <summary>One held-out run explained: the highest-risk held-out row, its probability, decision, modes and top contributors.</summary>
public sealed record Ai4iExampleExplanation(
    int TestRow,
    bool ActualFailure,
    IReadOnlyList<string> ActualModes,
    double FailureProbability,
    bool IsFailureExpected,
    IReadOnlyDictionary<string, double> ModeProbabilities,
    IReadOnlyList<FeatureContribution> TopContributors);
