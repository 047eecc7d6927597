using System;
using System.IO;
using Retrosense.Analytics.Training;

namespace Retrosense.Cli.Commands;

/// <summary>
/// Shows training progress on stderr, never stdout (which may carry JSON): a bar redrawn in place when stderr is a
/// terminal, else one plain line per step (logs, CI, tests).
/// </summary>
internal sealed class TrainingProgressWriter(TextWriter stderr, string source) : IProgress<TrainingProgress>
{
    private const int BarWidth = 30;

    private readonly bool _interactive = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;

    public void Report(TrainingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!_interactive)
        {
            stderr.WriteLine($"{source}: [{value.Step}/{value.TotalSteps}] {value.Description}");
            return;
        }

        var filled = value.TotalSteps == 0 ? BarWidth : value.Step * BarWidth / value.TotalSteps;
        var description = value.Description.Length > 60 ? value.Description[..57] + "..." : value.Description;
        stderr.Write($"\r[{new string('#', filled)}{new string('-', BarWidth - filled)}] {value.Step}/{value.TotalSteps} {description}".PadRight(110));
        if (value.Step == value.TotalSteps)
        {
            stderr.WriteLine();
        }
    }
}
