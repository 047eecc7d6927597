using System;

namespace Retrosense.Analytics.Training;

/// <summary>The lower-case names tasks have on the command line, in JSON and in model packages.</summary>
public static class TrainingTaskNames
{
    public static string NameOf(TrainingTask task) => task switch
    {
        TrainingTask.Binary => "binary",
        TrainingTask.Multiclass => "multiclass",
        TrainingTask.Regression => "regression",
        TrainingTask.Anomaly => "anomaly",
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, null),
    };

    public static bool TryParse(string? name, out TrainingTask task)
    {
        foreach (var candidate in Enum.GetValues<TrainingTask>())
        {
            if (string.Equals(NameOf(candidate), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                task = candidate;
                return true;
            }
        }

        task = default;
        return false;
    }
}
