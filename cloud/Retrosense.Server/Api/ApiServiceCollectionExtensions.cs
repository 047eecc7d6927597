using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Retrosense.Platform.Ingestion;

namespace Retrosense.Server.Api;

/// <summary>The HTTP API: health, metrics, the OpenAPI document and the tenant-scoped <c>/api/v1</c> routes (README.md here).</summary>
public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddRetrosenseApi(this IServiceCollection services)
    {
        services.AddOpenApi();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));

        // Ingestion registers the pipeline's statistics; this only keeps /metrics and /health answering (zeros) in a
        // host composed without ingestion.
        services.TryAddSingleton<IngestionStatistics>();
        return services;
    }

    public static WebApplication MapRetrosenseApi(this WebApplication application)
    {
        // Answers the framework gives without a body (unknown route 404, wrong method 405) become problem details too.
        application.UseStatusCodePages();
        application.MapOpenApi().WithTags("Operations");
        application.MapHealthApi();
        application.MapMetricsApi();
        application.MapGroup(ApiRoutes.Tenant)
            .AddEndpointFilter<ApiErrorFilter>()
            .AddEndpointFilter<TenantExistsFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .MapRegistryApi()
            .MapTelemetryApi()
            .MapAlarmApi()
            .MapQuarantineApi()
            .MapRecommendationApi();
        return application;
    }
}
