using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Retrosense.Server.Api;

/// <summary>Placeholder seam: the HTTP API (filled by its owner in this change).</summary>
public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddRetrosenseApi(this IServiceCollection services) => services;

    public static WebApplication MapRetrosenseApi(this WebApplication application) => application;
}
