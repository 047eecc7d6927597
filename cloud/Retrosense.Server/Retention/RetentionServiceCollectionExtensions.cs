using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Retrosense.Server.Retention;

/// <summary>Registers the hourly retention job (<see cref="RetentionService"/>).</summary>
public static class RetentionServiceCollectionExtensions
{
    public static IServiceCollection AddRetention(this IServiceCollection services, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RetentionService>();
        services.AddHostedService(provider => provider.GetRequiredService<RetentionService>());
        return services;
    }
}
