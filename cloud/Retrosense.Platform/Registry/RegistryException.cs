using System;

namespace Retrosense.Platform.Registry;

/// <summary>
/// A registry operation refused because of the registry's content (not a database failure): the message is one
/// clear line for the user. Invalid arguments are <see cref="ArgumentException"/>s instead.
/// </summary>
public abstract class RegistryException : Exception
{
    protected RegistryException(string message)
        : base(message)
    {
    }

    protected RegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
