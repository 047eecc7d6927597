using System.Collections.Generic;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Retrosense.Platform.Ingestion;

namespace Retrosense.Server.Api;

/// <summary><c>GET /metrics</c>: the ingestion counters, then every <see cref="IPrometheusMetricsSource"/>, in Prometheus text format, for a scraper.</summary>
internal static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ApiRoutes.Metrics, ([FromServices] IngestionStatistics statistics, [FromServices] IEnumerable<IPrometheusMetricsSource> sources) =>
            {
                var text = new StringBuilder(PrometheusTextExposition.Write(statistics.Snapshot()));
                foreach (var source in sources)
                {
                    source.WriteTo(text);
                }

                return TypedResults.Text(text.ToString(), PrometheusTextExposition.ContentType);
            })
            .WithName("GetMetrics").WithTags("Operations")
            .WithSummary("Ingestion counters (received, stored, duplicates, quarantined, unauthorized, batches, pending, last commit lag) in Prometheus text format 0.0.4.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
        return endpoints;
    }
}
