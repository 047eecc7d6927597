using System.Threading;
using Retrosense.Node.Ports;

namespace Retrosense.Cli.Simulation;

/// <summary>
/// The log every simulated node writes to: a thousand nodes cannot each print, so it counts warnings and errors and
/// keeps the latest one for the summary.
/// </summary>
internal sealed class FleetNodeLog : INodeLog
{
    private long _warnings;
    private long _errors;
    private string? _latest;

    public long Warnings => Interlocked.Read(ref _warnings);

    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>The latest warning or error, prefixed with the node id; null when none.</summary>
    public string? Latest => Volatile.Read(ref _latest);

    public void Info(string message)
    {
    }

    public void Warning(string message)
    {
        Interlocked.Increment(ref _warnings);
        Volatile.Write(ref _latest, "warning: " + message);
    }

    public void Error(string message)
    {
        Interlocked.Increment(ref _errors);
        Volatile.Write(ref _latest, "error: " + message);
    }
}
