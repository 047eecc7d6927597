using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Registry;
using Retrosense.Server.Api.Responses;
using Retrosense.Storage;

namespace Retrosense.Server.Api;

/// <summary><c>GET /health</c>: 200 when the store answers a query and the broker accepts connections, 503 otherwise.</summary>
internal static class HealthApi
{
    /// <summary>A health probe must answer quickly even when the store hangs; a load balancer's timeout is often 5 s.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Any valid id: the check is that a real indexed query round-trips, not that the tenant exists.</summary>
    private const string ProbeTenantId = "health-check";

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ApiRoutes.Health, GetHealthAsync).WithName("GetHealth").WithTags("Operations")
            .WithSummary("200 when the store answers and the broker listens, 503 otherwise; includes ingestion lag.");
        return endpoints;
    }

    private static async Task<JsonHttpResult<HealthResponse>> GetHealthAsync(
        [FromServices] ReportingStore store,
        [FromServices] IRegistryStore registry,
        [FromServices] IngestionStatistics statistics,
        [FromServices] IServiceProvider services,
        [FromServices] ILogger<HealthResponse> logger,
        CancellationToken cancellationToken)
    {
        var storeHealth = await CheckStoreAsync(store, registry, logger, cancellationToken).ConfigureAwait(false);
        var brokerHealth = await CheckBrokerAsync(services.GetService<IBrokerEndpoint>(), cancellationToken).ConfigureAwait(false);
        var snapshot = statistics.Snapshot();
        var healthy = storeHealth.Status == "ok" && brokerHealth.Status == "ok";
        var response = new HealthResponse(
            healthy ? "healthy" : "unhealthy",
            DateTime.UtcNow,
            storeHealth,
            brokerHealth,
            new IngestionHealthResponse(snapshot.MessagesReceived, snapshot.MessagesStored, snapshot.PendingMessages, snapshot.LastCommitLagMilliseconds));
        return TypedResults.Json(response, ApiJsonContext.Default.HealthResponse, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<StoreHealthResponse> CheckStoreAsync(ReportingStore store, IRegistryStore registry, ILogger logger, CancellationToken cancellationToken)
    {
        var kind = store.Kind == ReportingStoreKind.Postgres ? "postgres" : "sqlite";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            await registry.GetTenantAsync(ProbeTenantId, timeout.Token).ConfigureAwait(false);
            return new StoreHealthResponse("ok", kind, store.SchemaVersion, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new StoreHealthResponse("failing", kind, store.SchemaVersion, "the store did not answer within " + CheckTimeout.TotalSeconds + " s");
        }
#pragma warning disable CA1031 // a health check reports any store failure rather than failing itself
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogWarning(exception, "Health check: the reporting store failed");
            return new StoreHealthResponse("failing", kind, store.SchemaVersion, exception.GetType().Name + ": " + exception.Message.ReplaceLineEndings(" "));
        }
    }

    private static async Task<BrokerHealthResponse> CheckBrokerAsync(IBrokerEndpoint? broker, CancellationToken cancellationToken)
    {
        if (broker is null)
        {
            return new BrokerHealthResponse("absent", null, null);
        }

        // The endpoint completes once the broker listens; a short wait tells "listening" from "not yet".
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            var address = await broker.WaitUntilListeningAsync(timeout.Token).ConfigureAwait(false);
            return new BrokerHealthResponse("ok", broker.IsEmbedded, address.ToString());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new BrokerHealthResponse("starting", broker.IsEmbedded, null);
        }
    }
}
