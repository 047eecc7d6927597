using System;

namespace Retrosense.Analytics.Process;

/// <summary>
/// The data, the column choice or the request is wrong (unknown column, non-numeric cell, a control also listed as a
/// condition, bounds outside the data): hosts report the message as one line (CLI exit 2, HTTP 400).
/// </summary>
public sealed class ProcessInputException : Exception
{
    public ProcessInputException(string message)
        : base(message)
    {
    }

    public ProcessInputException()
    {
    }

    public ProcessInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
