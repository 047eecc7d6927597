using System.Collections.Concurrent;
using System.Collections.Generic;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Host.Tests.Integration;

/// <summary>Keeps every line a node logs, for assertion messages.</summary>
internal sealed class RecordingNodeLog : INodeLog
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines.ToArray();

    public void Info(string message) => _lines.Enqueue("info: " + message);

    public void Warning(string message) => _lines.Enqueue("warn: " + message);

    public void Error(string message) => _lines.Enqueue("error: " + message);

    public override string ToString() => string.Join("\n", _lines);
}
