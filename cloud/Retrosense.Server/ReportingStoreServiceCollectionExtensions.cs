using Microsoft.Extensions.DependencyInjection;
using Retrosense.Storage;

namespace Retrosense.Server;

/// <summary>Registers the open reporting store and each of its parts (the Platform's store interfaces) as singletons.</summary>
public static class ReportingStoreServiceCollectionExtensions
{
    public static IServiceCollection AddReportingStore(this IServiceCollection services, ReportingStore store)
    {
        services.AddSingleton(store);
        services.AddSingleton(store.Registry);
        services.AddSingleton(store.Ingestion);
        services.AddSingleton(store.Rollups);
        services.AddSingleton(store.Alarms);
        services.AddSingleton(store.Credentials);
        services.AddSingleton(store.Retention);
        return services;
    }
}
