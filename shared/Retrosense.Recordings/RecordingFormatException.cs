using System;

namespace Retrosense.Recordings;

/// <summary>A recording file that cannot be read as asked; the message says what is wrong and where.</summary>
public sealed class RecordingFormatException : Exception
{
    public RecordingFormatException(string message)
        : base(message)
    {
    }

    public RecordingFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
