using System;

namespace Retrosense.Analytics.Bearings;

/// <summary>
/// A recording or a request the bearing diagnosis cannot use: an unknown label in a file name, a file without a drive-end
/// signal, a sample rate that cannot be told or reached, a split that would put one window in training and test.
/// The message names the file and says what to do; commands report it as bad input.
/// </summary>
public sealed class BearingDataException : Exception
{
    public BearingDataException(string message)
        : base(message)
    {
    }

    public BearingDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
