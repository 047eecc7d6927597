using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Retrosense.Platform.Ingestion;

namespace Retrosense.Server.Alarms;

/// <summary>Registers the cloud alarm monitor (an ingestion observer) and its offline sweep.</summary>
public static class CloudAlarmServiceCollectionExtensions
{
    public static IServiceCollection AddCloudAlarms(this IServiceCollection services, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CloudAlarmMonitor>();
        services.AddSingleton<IIngestedMessageObserver>(provider => provider.GetRequiredService<CloudAlarmMonitor>());
        services.AddHostedService<NodeOfflineSweepService>();
        return services;
    }
}
