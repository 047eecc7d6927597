using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Registry;
using Retrosense.Platform.Rollups;
using Retrosense.Server.Api.Responses;

namespace Retrosense.Server.Api;

/// <summary>Telemetry windows and rollups of one asset over a time range (message time, so late data sits in its own place).</summary>
internal static class TelemetryApi
{
    /// <summary>Raw windows: a node sends about one a minute, so 31 days is ~45,000 per node; <see cref="MaximumTelemetryLimit"/> caps one answer.</summary>
    public static readonly TimeSpan MaximumTelemetryRange = TimeSpan.FromDays(31);

    public const int DefaultTelemetryLimit = 1000;

    public const int MaximumTelemetryLimit = 10_000;

    /// <summary>7 days of minutes is 10,080 buckets per metric: a week's dashboard at full detail, and no more.</summary>
    public static readonly TimeSpan MaximumMinuteRollupRange = TimeSpan.FromDays(7);

    /// <summary>Two years of hours (17,520 buckets per metric): trends and model training.</summary>
    public static readonly TimeSpan MaximumHourRollupRange = TimeSpan.FromDays(731);

    public static RouteGroupBuilder MapTelemetryApi(this RouteGroupBuilder tenantRoutes)
    {
        var tenant = tenantRoutes.MapGroup(string.Empty).WithTags("Telemetry");
        tenant.MapGet("/sites/{siteId}/assets/{assetId}/telemetry", GetTelemetryAsync).WithName("GetAssetTelemetry")
            .WithSummary("Telemetry windows of an asset with message time in [from, to), oldest first; from and to are ISO 8601 UTC, limit 1–10000 (default 1000), range at most 31 days.");
        tenant.MapGet("/sites/{siteId}/assets/{assetId}/rollups", GetRollupsAsync).WithName("GetAssetRollups")
            .WithSummary("Minute or hour rollups (count, min, max, mean) of an asset with bucket start in [from, to); resolution=minute|hour (default minute, ranges up to 7 / 731 days), metric repeated (default all).");
        return tenantRoutes;
    }

    private static async Task<Results<Ok<IReadOnlyList<TelemetryWindowResponse>>, ProblemHttpResult>> GetTelemetryAsync(
        string tenantId,
        string siteId,
        string assetId,
        [FromQuery] string? from,
        [FromQuery] string? to,
        [FromQuery] string? limit,
        [FromServices] IRegistryStore registry,
        [FromServices] IIngestionStore ingestion,
        CancellationToken cancellationToken)
    {
        var fromUtc = ApiQuery.RequireTime(nameof(from), from);
        var toUtc = ApiQuery.RequireTime(nameof(to), to);
        ApiQuery.RequireRange(fromUtc, toUtc, MaximumTelemetryRange);
        var windowLimit = ApiQuery.Limit(limit, DefaultTelemetryLimit, MaximumTelemetryLimit);
        if (await registry.GetAssetAsync(tenantId, siteId, assetId, cancellationToken).ConfigureAwait(false) is null)
        {
            return RegistryApi.AssetNotFound(tenantId, siteId, assetId);
        }

        var windows = await ingestion.GetTelemetryAsync(tenantId, assetId, fromUtc, toUtc, windowLimit, cancellationToken).ConfigureAwait(false);

        // The store reads by (tenant, asset); the same asset id at another site of the tenant is another machine.
        return TypedResults.Ok<IReadOnlyList<TelemetryWindowResponse>>(windows
            .Where(window => string.Equals(window.SiteId, siteId, StringComparison.Ordinal))
            .Select(window => window.ToResponse())
            .ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<RollupPointResponse>>, ProblemHttpResult>> GetRollupsAsync(
        string tenantId,
        string siteId,
        string assetId,
        [FromQuery] string? resolution,
        [FromQuery] string? from,
        [FromQuery] string? to,
        [FromQuery] string[]? metric,
        [FromServices] IRegistryStore registry,
        [FromServices] IRollupStore rollups,
        CancellationToken cancellationToken)
    {
        var bucket = ParseResolution(resolution);
        var fromUtc = ApiQuery.RequireTime(nameof(from), from);
        var toUtc = ApiQuery.RequireTime(nameof(to), to);
        ApiQuery.RequireRange(fromUtc, toUtc, bucket == RollupResolution.Minute ? MaximumMinuteRollupRange : MaximumHourRollupRange);
        var metrics = RequireKnownMetrics(metric);
        if (await registry.GetAssetAsync(tenantId, siteId, assetId, cancellationToken).ConfigureAwait(false) is null)
        {
            return RegistryApi.AssetNotFound(tenantId, siteId, assetId);
        }

        var points = await rollups.GetAssetRollupsAsync(tenantId, assetId, bucket, fromUtc, toUtc, metrics, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<RollupPointResponse>>(points.Select(point => point.ToResponse()).ToList());
    }

    private static RollupResolution ParseResolution(string? text) => text switch
    {
        null or "minute" => RollupResolution.Minute,
        "hour" => RollupResolution.Hour,
        _ => throw new ApiRequestException($"'resolution' value '{ApiQuery.Shorten(text)}' is not minute or hour"),
    };

    private static string[] RequireKnownMetrics(string[]? metrics)
    {
        if (metrics is null)
        {
            return [];
        }

        foreach (var name in metrics)
        {
            if (!RollupMetrics.All.Contains(name, StringComparer.Ordinal))
            {
                throw new ApiRequestException($"unknown metric '{ApiQuery.Shorten(name)}'; known metrics: {string.Join(", ", RollupMetrics.All)}");
            }
        }

        return metrics.Distinct(StringComparer.Ordinal).ToArray();
    }
}
