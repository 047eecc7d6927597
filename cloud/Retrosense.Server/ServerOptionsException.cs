using System;

namespace Retrosense.Server;

/// <summary>A flag or setting the server cannot use; the message is one line naming it.</summary>
public sealed class ServerOptionsException : Exception
{
    public ServerOptionsException()
    {
    }

    public ServerOptionsException(string message)
        : base(message)
    {
    }

    public ServerOptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
