using System;

namespace Retrosense.Analytics.Rul.Cmapss;

/// <summary>A C-MAPSS file that does not have the published format; the message names the file and line.</summary>
public sealed class CmapssFormatException : Exception
{
    public CmapssFormatException(string message)
        : base(message)
    {
    }

    public CmapssFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CmapssFormatException()
    {
    }
}
