using System;
using System.Collections.Generic;

namespace Retrosense.Analytics.Process;

/// <summary>
/// The JSON half of a process model package (<c>process-model.json</c> beside <c>member-N.zip</c>): the column roles,
/// feature statistics, the cross-validation report, the support region's training rows and limits. Everything the
/// recommender needs besides the ML.NET ensemble members.
/// </summary>
/// <param name="TrainingRows">Training feature rows, missing cells filled with the median: the support region is rebuilt from them.</param>
/// <param name="TrainingGroups">Each training row's lot key (support distances leave a row's own lot out).</param>
/// <param name="SupportLimits">Distance limits by region name ("all", "controls", "conditions").</param>
public sealed record ProcessModelMetadata(
    int FormatVersion,
    string Kind,
    string Version,
    DateTimeOffset CreatedAt,
    string Target,
    ProcessObjective Objective,
    IReadOnlyList<string> Controls,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<string> GroupColumns,
    string? TimeColumn,
    int Seed,
    IReadOnlyList<ProcessFeatureStatistics> Statistics,
    IReadOnlyList<string> MemberFiles,
    ProcessTrainingReport Report,
    IReadOnlyList<double[]> TrainingRows,
    IReadOnlyList<string> TrainingGroups,
    IReadOnlyDictionary<string, double> SupportLimits)
{
    public const int CurrentFormatVersion = 1;

    public const string ProcessKind = "process";
}
