using System;

namespace Retrosense.Cli;

/// <summary>Bad input from the user (an option value, a missing file): reported as one line and exit code 2.</summary>
internal sealed class CliInputException : Exception
{
    public CliInputException(string message)
        : base(message)
    {
    }
}
