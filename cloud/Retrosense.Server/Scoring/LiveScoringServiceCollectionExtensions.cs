using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Models;
using Retrosense.Platform.Predictions;
using Retrosense.Server.Api;
using Retrosense.Server.Demo;
using Retrosense.Storage;

namespace Retrosense.Server.Scoring;

/// <summary>Registers live scoring (README.md here): the store's model registry and predictions, the queue, its observer, the scoring loop and its metrics.</summary>
public static class LiveScoringServiceCollectionExtensions
{
    public static IServiceCollection AddLiveScoring(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new LiveScoringOptions();
        configuration.GetSection(LiveScoringOptions.SectionName).Bind(options);
        options.Validate();

        services.AddSingleton(options);
        services.AddSingleton<IModelRegistryStore>(provider => provider.GetRequiredService<ReportingStore>().Models);
        services.AddSingleton<IPredictionStore>(provider => provider.GetRequiredService<ReportingStore>().Predictions);
        services.AddSingleton<ScoringStatistics>();
        services.AddSingleton<IPrometheusMetricsSource>(provider => provider.GetRequiredService<ScoringStatistics>());
        services.AddSingleton<AssetHealthScoring>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, PredictionApiJsonContext.Default));
        if (!options.Enabled)
        {
            return services;
        }

        services.AddSingleton<TelemetryScoringQueue>();
        services.AddSingleton<IIngestedMessageObserver, TelemetryScoringObserver>();
        services.AddSingleton<DemoBaselineSeeder>();
        services.AddSingleton(provider => new LiveScoringService(
            provider.GetRequiredService<TelemetryScoringQueue>(),
            provider.GetRequiredService<AssetHealthScoring>(),
            provider.GetRequiredService<DemoBaselineSeeder>(),
            options,
            provider.GetRequiredService<ScoringStatistics>(),
            provider.GetRequiredService<ILogger<LiveScoringService>>(),
            provider.GetService<DemoFleetService>()));
        services.AddHostedService(provider => provider.GetRequiredService<LiveScoringService>());
        return services;
    }
}
