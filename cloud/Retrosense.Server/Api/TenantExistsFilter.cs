using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Retrosense.Platform.Registry;

namespace Retrosense.Server.Api;

/// <summary>
/// Answers 404 for a tenant the registry does not know, before any tenant query runs. Every tenant route passes here,
/// so this is where issue 7's tenant login adds "and the caller belongs to this tenant".
/// </summary>
internal sealed class TenantExistsFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var tenantId = context.HttpContext.GetRouteValue(ApiRoutes.TenantIdParameter) as string ?? string.Empty;
        var registry = context.HttpContext.RequestServices.GetRequiredService<IRegistryStore>();
        var tenant = await registry.GetTenantAsync(tenantId, context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (tenant is null)
        {
            return ApiProblems.NotFound($"no tenant '{ApiQuery.Shorten(tenantId)}'");
        }

        return await next(context).ConfigureAwait(false);
    }
}
