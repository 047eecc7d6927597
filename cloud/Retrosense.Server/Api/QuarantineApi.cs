using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Retrosense.Platform.Ingestion;
using Retrosense.Server.Api.Responses;

namespace Retrosense.Server.Api;

/// <summary>
/// The tenant's quarantined messages (rejected, kept with their reason). Entries whose topic named no parsable tenant
/// belong to no tenant and are not listed here; issue 7's operator view can list them.
/// </summary>
internal static class QuarantineApi
{
    public const int DefaultLimit = 100;

    /// <summary>Each entry carries up to 16 KiB of payload twice (base64 and text); 1000 keeps an answer under ~50 MB.</summary>
    public const int MaximumLimit = 1000;

    public static RouteGroupBuilder MapQuarantineApi(this RouteGroupBuilder tenantRoutes)
    {
        var tenant = tenantRoutes.MapGroup(string.Empty).WithTags("Quarantine");
        tenant.MapGet("/quarantine", ListAsync).WithName("ListQuarantine")
            .WithSummary("The newest quarantined messages of the tenant (limit 1–1000, default 100) and how many there are in all.");
        tenant.MapGet("/quarantine/count", CountAsync).WithName("CountQuarantine").WithSummary("How many quarantined messages the tenant has.");
        return tenantRoutes;
    }

    private static async Task<Results<Ok<QuarantineListResponse>, ProblemHttpResult>> ListAsync(
        string tenantId, [FromQuery] string? limit, [FromServices] IIngestionStore ingestion, CancellationToken cancellationToken)
    {
        var messageLimit = ApiQuery.Limit(limit, DefaultLimit, MaximumLimit);
        var messages = await ingestion.ListQuarantineAsync(tenantId, messageLimit, cancellationToken).ConfigureAwait(false);
        var total = await ingestion.CountQuarantineAsync(tenantId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new QuarantineListResponse(total, messages.Select(message => message.ToResponse()).ToList()));
    }

    private static async Task<Ok<QuarantineCountResponse>> CountAsync(string tenantId, [FromServices] IIngestionStore ingestion, CancellationToken cancellationToken) =>
        TypedResults.Ok(new QuarantineCountResponse(await ingestion.CountQuarantineAsync(tenantId, cancellationToken).ConfigureAwait(false)));
}
