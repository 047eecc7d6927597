using Microsoft.Extensions.DependencyInjection;

namespace Retrosense.Server.Alarms;

/// <summary>Placeholder seam: cloud-side alarms (filled by its owner in this change).</summary>
public static class CloudAlarmServiceCollectionExtensions
{
    public static IServiceCollection AddCloudAlarms(this IServiceCollection services, ServerOptions options) => services;
}
