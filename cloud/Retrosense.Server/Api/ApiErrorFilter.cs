using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Retrosense.Platform.Registry;

namespace Retrosense.Server.Api;

/// <summary>
/// Turns the exceptions bad input causes into problem details, so a malformed id or value is a 400 with the store's
/// own one-line reason and never a 500: <see cref="ApiRequestException"/> and <see cref="ArgumentException"/> (the
/// stores' validation) → 400, <see cref="RegistryNotFoundException"/> → 404.
/// </summary>
internal sealed class ApiErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (ApiRequestException exception)
        {
            return ApiProblems.BadRequest(exception.Message);
        }
        catch (ArgumentException exception)
        {
            Log(context, exception);
            return ApiProblems.BadRequest(FirstLine(exception));
        }
        catch (RegistryNotFoundException exception)
        {
            return ApiProblems.NotFound(exception.Message);
        }
    }

    /// <summary>ArgumentException appends "(Parameter 'x')"; the sentence before it is the part meant for people.</summary>
    private static string FirstLine(ArgumentException exception)
    {
        var message = exception.Message;
        var parameter = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return parameter > 0 ? message[..parameter] : message;
    }

    private static void Log(EndpointFilterInvocationContext context, ArgumentException exception)
    {
        var logger = context.HttpContext.RequestServices.GetService(typeof(ILogger<ApiErrorFilter>)) as ILogger<ApiErrorFilter>;
        if (logger?.IsEnabled(LogLevel.Debug) == true)
        {
            logger.LogDebug(exception, "Request {Path} refused as bad input", context.HttpContext.Request.Path);
        }
    }
}
