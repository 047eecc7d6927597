using System;
using Microsoft.Extensions.DependencyInjection;

namespace Retrosense.Server.Demo;

/// <summary>Registers the demo fleet when <see cref="ServerOptions.DemoEnabled"/> (nothing at all with <c>--no-demo</c>).</summary>
public static class DemoFleetServiceCollectionExtensions
{
    public static IServiceCollection AddDemoFleet(this IServiceCollection services, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.DemoEnabled)
        {
            return services;
        }

        services.AddSingleton<DemoFleetSeeder>();
        services.AddSingleton(provider => new DemoFleetService(
            provider.GetRequiredService<DemoFleetSeeder>(),
            provider.GetRequiredService<Retrosense.Platform.Ingestion.IIngestionStore>(),
            options,
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<DemoFleetService>>(),
            provider.GetService<IBrokerEndpoint>()));
        services.AddHostedService(provider => provider.GetRequiredService<DemoFleetService>());
        return services;
    }
}
