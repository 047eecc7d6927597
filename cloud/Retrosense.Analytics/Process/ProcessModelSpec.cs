using System;
using System.Collections.Generic;
using System.Linq;

namespace Retrosense.Analytics.Process;

/// <summary>
/// What a process model learns: the target, which columns the plant can set (controls) and which it cannot
/// (conditions), and how rows are related (a lot key for grouped cross-validation, or a time column for time-ordered).
/// </summary>
/// <param name="GroupColumns">Columns whose values together form the lot key (e.g. api_code and api_batch); empty for none.</param>
/// <param name="TimeColumn">Orders rows in time for forward-chaining cross-validation; used when no group is given.</param>
/// <param name="Folds">Cross-validation folds (5 by default).</param>
public sealed record ProcessModelSpec(
    string Target,
    ProcessObjective Objective,
    IReadOnlyList<string> Controls,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<string> GroupColumns,
    string? TimeColumn,
    int Folds,
    int Seed)
{
    public const int DefaultFolds = 5;

    public const int DefaultSeed = 42;

    /// <summary>Controls then conditions: the model's feature order.</summary>
    public IReadOnlyList<string> Features => [.. Controls, .. Conditions];

    /// <summary>Refuses a spec that cannot make sense whatever the data: overlaps, empty lists, the target as a feature.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Target))
        {
            throw new ProcessInputException("a target column is required");
        }

        if (Controls.Count == 0)
        {
            throw new ProcessInputException("at least one control (a setting the plant can change) is required");
        }

        if (Folds is < 2 or > 20)
        {
            throw new ProcessInputException($"folds must be between 2 and 20, got {Folds}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var control in Controls)
        {
            if (!seen.Add(control))
            {
                throw new ProcessInputException($"control '{control}' is listed twice");
            }
        }

        foreach (var condition in Conditions)
        {
            if (Controls.Contains(condition))
            {
                throw new ProcessInputException($"'{condition}' is listed both as a control and as a condition: a column is either set by the plant or not");
            }

            if (!seen.Add(condition))
            {
                throw new ProcessInputException($"condition '{condition}' is listed twice");
            }
        }

        if (seen.Contains(Target))
        {
            throw new ProcessInputException($"the target '{Target}' is also listed as a control or condition");
        }

        foreach (var group in GroupColumns)
        {
            if (seen.Contains(group) || group == Target)
            {
                throw new ProcessInputException($"the group column '{group}' is also the target, a control or a condition");
            }
        }
    }
}
