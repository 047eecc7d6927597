using System.CommandLine;
using System.IO;

namespace Retrosense.Cli.Commands;

/// <summary><c>retrosense process</c>: process models of product quality from plant settings, and recommended setpoints (issue 6).</summary>
internal sealed class ProcessCommand
{
    public const string Name = "process";

    public ProcessCommand(TextWriter stdout, TextWriter stderr)
    {
        Command = new Command(Name, "Learn how process settings and raw-material conditions drive a quality target, and recommend settings")
        {
            new ProcessTrainCommand(stdout, stderr).Command,
            new ProcessRecommendCommand(stdout, stderr).Command,
            new ProcessHoldoutCommand(stdout, stderr).Command,
        };
    }

    public Command Command { get; }
}
