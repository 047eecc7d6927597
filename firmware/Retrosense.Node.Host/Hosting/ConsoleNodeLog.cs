using System;
using System.Globalization;
using System.IO;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Host.Hosting;

/// <summary>The node's diagnostic log as lines on a text writer (stderr by default): UTC time, level, node id, message. Thread-safe.</summary>
public sealed class ConsoleNodeLog : INodeLog
{
    private readonly TextWriter _writer;
    private readonly string _nodeId;

    public ConsoleNodeLog(string nodeId, TextWriter? writer = null, bool includeInfo = true)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        _nodeId = nodeId;
        _writer = TextWriter.Synchronized(writer ?? Console.Error);
        IncludeInfo = includeInfo;
    }

    /// <summary>False keeps only warnings and errors (a simulated fleet of 1,000 nodes would drown in info lines).</summary>
    public bool IncludeInfo { get; }

    public void Info(string message)
    {
        if (IncludeInfo)
        {
            Write("info", message);
        }
    }

    public void Warning(string message) => Write("warn", message);

    public void Error(string message) => Write("error", message);

    private void Write(string level, string message) =>
        _writer.WriteLine(DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) + " " + level + " " + _nodeId + ": " + message);
}
