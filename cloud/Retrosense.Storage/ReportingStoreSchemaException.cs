using System;

namespace Retrosense.Storage;

/// <summary>
/// The database's schema cannot be used by this build: it is newer than the migrations this build carries, or an
/// applied migration differs from the one shipped. Nothing is changed when this is thrown.
/// </summary>
public sealed class ReportingStoreSchemaException : Exception
{
    public ReportingStoreSchemaException(string message)
        : base(message)
    {
    }

    public ReportingStoreSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
