using System;

namespace Retrosense.Analytics.FailureRisk;

/// <summary>The labelled history cannot be used: a missing column, a non-numeric value, too few rows or failures.</summary>
public sealed class FailureRiskDataException : Exception
{
    public FailureRiskDataException(string message)
        : base(message)
    {
    }

    public FailureRiskDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FailureRiskDataException()
    {
    }
}
