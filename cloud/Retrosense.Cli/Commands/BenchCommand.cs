using System.CommandLine;
using System.IO;

namespace Retrosense.Cli.Commands;

/// <summary>
/// <c>retrosense bench</c>: the model-quality benchmarks on public datasets (AI4I 2020, C-MAPSS, CWRU bearings), each
/// printing JSON metrics, the seed, training time and inference throughput.
/// </summary>
internal sealed class BenchCommand
{
    public const string Name = "bench";

    public BenchCommand(TextWriter stdout, TextWriter stderr)
    {
        Command = new Command(Name, "Train and score the predictive-maintenance models on a public dataset and print their metrics as JSON");
        Command.Subcommands.Add(new BenchAi4iCommand(stdout, stderr).Command);
        Command.Subcommands.Add(new BenchBearingCommand(stdout, stderr).Command);
        Command.Subcommands.Add(new BenchCmapssCommand(stdout, stderr).Command);
    }

    public Command Command { get; }
}
