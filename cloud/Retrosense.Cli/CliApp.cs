using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using Retrosense.Cli.Commands;

namespace Retrosense.Cli;

/// <summary>
/// The <c>retrosense</c> command, runnable in-process: tests pass their own writers. Parse errors and bad input print one
/// line to stderr and return <see cref="CliExitCodes.BadInput"/>; anything unexpected returns <see cref="CliExitCodes.Failure"/>.
/// </summary>
public static class CliApp
{
    public const string Name = "retrosense";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var root = new RootCommand("Retrosense: retrofit condition monitoring. Verbs print JSON with --json; exit 0 ok, 2 bad input, 1 failure.")
        {
            new BenchCommand(stdout, stderr).Command,
            new EvaluateCommand(stdout, stderr).Command,
            new FeaturesCommand(stdout, stderr).Command,
            new NodeCommand(stdout, stderr).Command,
            new ProcessCommand(stdout, stderr).Command,
            new SimulateCommand(stdout, stderr).Command,
            new TrainCommand(stdout, stderr).Command,
        };

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            var messages = parseResult.Errors.Select(error => error.Message).Distinct(StringComparer.Ordinal);
            WriteError(stderr, CommandPath(parseResult.CommandResult, root), string.Join(" ", messages));
            return CliExitCodes.BadInput;
        }

        try
        {
            return parseResult.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception exception)
        {
            WriteError(stderr, Name, $"unexpected failure: {exception.GetType().Name}: {exception.Message}");
            return CliExitCodes.Failure;
        }
    }

    /// <summary>"retrosense node provision" for a nested verb: the words a user typed to reach the failing command.</summary>
    private static string CommandPath(CommandResult result, RootCommand root)
    {
        var words = new List<string>();
        for (SymbolResult? current = result; current is CommandResult command && command.Command != root; current = current.Parent)
        {
            words.Insert(0, command.Command.Name);
        }

        return words.Count == 0 ? Name : $"{Name} {string.Join(" ", words)}";
    }

    /// <summary>Writes "<paramref name="source"/>: message" as exactly one line.</summary>
    internal static void WriteError(TextWriter stderr, string source, string message)
    {
        var oneLine = message.ReplaceLineEndings(" ").Trim();
        stderr.WriteLine($"{source}: {oneLine}");
    }
}
