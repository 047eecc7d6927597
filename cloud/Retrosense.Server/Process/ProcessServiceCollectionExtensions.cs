using System;
using System.IO;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Retrosense.Platform.Recommendations;
using Retrosense.Server.Api;
using Retrosense.Storage;

namespace Retrosense.Server.ProcessOptimization;

/// <summary>Process optimization in the server: the model catalog, the recommendation store and service, the schedule and the API's JSON types.</summary>
public static class ProcessServiceCollectionExtensions
{
    public const string SectionName = "Process";

    public static IServiceCollection AddProcessRecommendations(this IServiceCollection services, ServerOptions serverOptions, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(serverOptions);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ProcessRecommendationOptions();
        configuration.GetSection(SectionName).Bind(options);
        options.ModelsDirectory ??= Path.Combine(serverOptions.DataDirectory, "process-models");
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new ProcessModelCatalog(options.ModelsDirectory));
        services.AddSingleton<IRecommendationStore>(provider => provider.GetRequiredService<ReportingStore>().Recommendations);
        services.AddSingleton<ProcessRecommendationService>();
        services.AddSingleton<ProcessRecommendationScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<ProcessRecommendationScheduler>());
        services.Configure<JsonOptions>(json => json.SerializerOptions.TypeInfoResolverChain.Add(RecommendationJsonContext.Default));
        return services;
    }
}
