using Microsoft.Extensions.DependencyInjection;

namespace Retrosense.Server.Mqtt;

/// <summary>Placeholder seam: embedded broker or external-broker subscriber (filled by its owner in this change).</summary>
public static class MqttIngressServiceCollectionExtensions
{
    public static IServiceCollection AddMqttIngress(this IServiceCollection services, ServerOptions options) => services;
}
