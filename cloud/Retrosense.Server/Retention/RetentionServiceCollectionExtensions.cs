using Microsoft.Extensions.DependencyInjection;

namespace Retrosense.Server.Retention;

/// <summary>Placeholder seam: retention job (filled by its owner in this change).</summary>
public static class RetentionServiceCollectionExtensions
{
    public static IServiceCollection AddRetention(this IServiceCollection services, ServerOptions options) => services;
}
