using System;

namespace Retrosense.Analytics.Packages;

/// <summary>A model package folder that cannot be used: missing files, a damaged or swapped model, a schema mismatch.</summary>
public sealed class ModelPackageException : Exception
{
    public ModelPackageException()
    {
    }

    public ModelPackageException(string message)
        : base(message)
    {
    }

    public ModelPackageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
