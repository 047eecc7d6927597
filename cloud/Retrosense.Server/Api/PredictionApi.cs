using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Retrosense.Platform.Predictions;
using Retrosense.Platform.Registry;
using Retrosense.Server.Api.Responses;

namespace Retrosense.Server.Api;

/// <summary>An asset's predictions (health score, anomaly flag and drivers, …) by time range and the latest of each kind.</summary>
public static class PredictionApi
{
    public const int DefaultLimit = 1000;

    public const int MaximumLimit = 10_000;

    /// <summary>A month of one-minute windows is 44,640 predictions per kind; the limit pages through it.</summary>
    public static readonly TimeSpan MaximumRange = TimeSpan.FromDays(31);

    /// <summary>
    /// Maps the predictions and models routes under the tenant prefix with the same error and tenant filters as the rest
    /// of the API (its own group, so live scoring adds its routes without touching the other areas' mapping).
    /// </summary>
    public static WebApplication MapPredictionApi(this WebApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var tenantRoutes = application.MapGroup(ApiRoutes.Tenant)
            .AddEndpointFilter<ApiErrorFilter>()
            .AddEndpointFilter<TenantExistsFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        var predictions = tenantRoutes.MapGroup(string.Empty).WithTags("Predictions");
        predictions.MapGet("/sites/{siteId}/assets/{assetId}/predictions", ListPredictionsAsync).WithName("ListPredictions")
            .WithSummary("The asset's predictions with window time in [from, to), oldest first; from and to required (at most 31 days), kind anomaly|failure_risk|rul|fault_type, limit 1–10000 (default 1000).");
        predictions.MapGet("/sites/{siteId}/assets/{assetId}/predictions/latest", LatestPredictionsAsync).WithName("LatestPredictions")
            .WithSummary("The newest prediction of each kind for the asset (health score, anomaly flag and drivers, baseline state, ISO zone trend …).");
        tenantRoutes.MapModelApi();
        return application;
    }

    private static async Task<Results<Ok<IReadOnlyList<PredictionResponse>>, ProblemHttpResult>> ListPredictionsAsync(
        string tenantId,
        string siteId,
        string assetId,
        [FromQuery] string? from,
        [FromQuery] string? to,
        [FromQuery] string? kind,
        [FromQuery] string? limit,
        [FromServices] IRegistryStore registry,
        [FromServices] IPredictionStore store,
        CancellationToken cancellationToken)
    {
        var fromUtc = ApiQuery.RequireTime(nameof(from), from);
        var toUtc = ApiQuery.RequireTime(nameof(to), to);
        ApiQuery.RequireRange(fromUtc, toUtc, MaximumRange);
        var predictionKind = ParseKind(kind);
        var rows = ApiQuery.Limit(limit, DefaultLimit, MaximumLimit);
        if (await registry.GetAssetAsync(tenantId, siteId, assetId, cancellationToken).ConfigureAwait(false) is null)
        {
            return RegistryApi.AssetNotFound(tenantId, siteId, assetId);
        }

        var found = await store.ListAsync(new PredictionQuery(tenantId, siteId, assetId, fromUtc, toUtc, predictionKind, rows), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<PredictionResponse>>(found.Select(ToResponse).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<PredictionResponse>>, ProblemHttpResult>> LatestPredictionsAsync(
        string tenantId, string siteId, string assetId, [FromServices] IRegistryStore registry, [FromServices] IPredictionStore store, CancellationToken cancellationToken)
    {
        if (await registry.GetAssetAsync(tenantId, siteId, assetId, cancellationToken).ConfigureAwait(false) is null)
        {
            return RegistryApi.AssetNotFound(tenantId, siteId, assetId);
        }

        var latest = await store.GetLatestAsync(tenantId, siteId, assetId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<PredictionResponse>>(latest.Select(ToResponse).ToList());
    }

    internal static string KindName(PredictionKind kind) => kind switch
    {
        PredictionKind.Anomaly => "anomaly",
        PredictionKind.FailureRisk => "failure_risk",
        PredictionKind.RemainingUsefulLife => "rul",
        _ => "fault_type",
    };

    private static PredictionKind? ParseKind(string? text) => text switch
    {
        null => null,
        "anomaly" => PredictionKind.Anomaly,
        "failure_risk" => PredictionKind.FailureRisk,
        "rul" => PredictionKind.RemainingUsefulLife,
        "fault_type" => PredictionKind.FaultType,
        _ => throw new ApiRequestException($"'kind' value '{ApiQuery.Shorten(text)}' is not one of anomaly, failure_risk, rul, fault_type"),
    };

    private static PredictionResponse ToResponse(Prediction prediction) => new(
        KindName(prediction.Kind),
        prediction.ModelName,
        prediction.ModelVersion,
        prediction.NodeId,
        prediction.TimestampUtc.UtcDateTime,
        prediction.Value,
        prediction.Label,
        ParseJson(prediction.DetailsJson),
        prediction.CreatedAtUtc.UtcDateTime);

    /// <summary>Stored JSON as a JSON value of the response (not a string holding JSON); null when absent or unreadable.</summary>
    internal static JsonElement? ParseJson(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
