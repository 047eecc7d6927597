using System;

namespace Retrosense.Server.Api;

/// <summary>A request the API cannot serve as asked (bad time, range, limit, metric …): answered 400 with this one-line message.</summary>
public sealed class ApiRequestException : Exception
{
    public ApiRequestException()
    {
    }

    public ApiRequestException(string message)
        : base(message)
    {
    }

    public ApiRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
