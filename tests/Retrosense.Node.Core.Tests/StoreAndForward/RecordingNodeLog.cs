using System.Collections.Generic;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Core.Tests.StoreAndForward;

/// <summary>An <see cref="INodeLog"/> that keeps every line, for asserting logged reasons.</summary>
public sealed class RecordingNodeLog : INodeLog
{
    public List<string> Warnings { get; } = new();

    public List<string> Lines { get; } = new();

    public void Info(string message) => Lines.Add("info: " + message);

    public void Warning(string message)
    {
        Warnings.Add(message);
        Lines.Add("warning: " + message);
    }

    public void Error(string message) => Lines.Add("error: " + message);
}
