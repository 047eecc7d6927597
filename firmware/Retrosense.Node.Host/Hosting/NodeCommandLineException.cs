using System;

namespace Retrosense.Node.Host.Hosting;

/// <summary>A bad or missing flag on the <c>retrosense-node</c> command line; the message is the one line to print.</summary>
public sealed class NodeCommandLineException : Exception
{
    public NodeCommandLineException(string message)
        : base(message)
    {
    }

    public NodeCommandLineException()
    {
    }

    public NodeCommandLineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
