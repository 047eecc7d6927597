using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Registry;

namespace Retrosense.Server.Ingestion;

/// <summary>
/// Registers the ingestion pipeline (one per server, shared by the embedded broker or the external-broker subscriber),
/// its statistics for /metrics, and the hosted service that drains it on shutdown. Register before the MQTT ingress so
/// the host stops the broker first and the pipeline last.
/// </summary>
public static class IngestionServiceCollectionExtensions
{
    public static IServiceCollection AddIngestion(this IServiceCollection services, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton<IngestionStatistics>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options.Ingestion);
        services.AddSingleton(provider => new IngestionPipeline(
            provider.GetRequiredService<IIngestionStore>(),
            provider.GetRequiredService<IRegistryStore>(),
            provider.GetServices<IIngestedMessageObserver>(),
            provider.GetRequiredService<IngestionStatistics>(),
            provider.GetRequiredService<ILogger<IngestionPipeline>>(),
            provider.GetRequiredService<IngestionPipelineOptions>(),
            provider.GetRequiredService<TimeProvider>()));
        services.AddHostedService<IngestionPipelineHostedService>();
        return services;
    }
}
