using Microsoft.Extensions.DependencyInjection;

namespace Retrosense.Server.Demo;

/// <summary>Placeholder seam: demo tenant and fleet (filled by its owner in this change).</summary>
public static class DemoFleetServiceCollectionExtensions
{
    public static IServiceCollection AddDemoFleet(this IServiceCollection services, ServerOptions options) => services;
}
