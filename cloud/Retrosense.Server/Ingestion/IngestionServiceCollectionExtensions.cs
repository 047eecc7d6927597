using Microsoft.Extensions.DependencyInjection;

namespace Retrosense.Server.Ingestion;

/// <summary>Placeholder seam: the ingestion pipeline (filled by its owner in this change).</summary>
public static class IngestionServiceCollectionExtensions
{
    public static IServiceCollection AddIngestion(this IServiceCollection services, ServerOptions options) => services;
}
