namespace Retrosense.Cli;

/// <summary>Exit codes every <c>retrosense</c> verb uses (scripts rely on them; see the design brief's "Interfaces other tools rely on").</summary>
internal static class CliExitCodes
{
    public const int Success = 0;

    /// <summary>Something failed that the input did not cause (a bug, an I/O failure).</summary>
    public const int Failure = 1;

    /// <summary>The command line or the input file is wrong; one line on stderr says what.</summary>
    public const int BadInput = 2;
}
