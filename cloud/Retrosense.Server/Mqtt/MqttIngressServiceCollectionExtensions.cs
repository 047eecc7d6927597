using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Retrosense.Platform.Credentials;
using Retrosense.Platform.Registry;

namespace Retrosense.Server.Mqtt;

/// <summary>
/// Where messages come from: the embedded broker (default), or, with <c>--broker mqtt://HOST:PORT</c>, a persistent
/// subscription on an external broker. Either is the server's <see cref="IBrokerEndpoint"/>.
/// </summary>
public static class MqttIngressServiceCollectionExtensions
{
    public static IServiceCollection AddMqttIngress(this IServiceCollection services, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ExternalBroker is null)
        {
            services.AddSingleton(provider => new MqttDeviceAuthenticator(
                provider.GetRequiredService<IRegistryStore>(),
                provider.GetService<INodeCredentialStore>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<MqttDeviceAuthenticator>>()));
            services.AddSingleton<EmbeddedMqttBroker>();
            services.AddSingleton<IBrokerEndpoint>(provider => provider.GetRequiredService<EmbeddedMqttBroker>());
            services.AddHostedService(provider => provider.GetRequiredService<EmbeddedMqttBroker>());
        }
        else
        {
            services.AddSingleton<ExternalBrokerSubscriber>();
            services.AddSingleton<IBrokerEndpoint>(provider => provider.GetRequiredService<ExternalBrokerSubscriber>());
            services.AddHostedService(provider => provider.GetRequiredService<ExternalBrokerSubscriber>());
        }

        return services;
    }
}
