using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Retrosense.Analytics.Process;
using Retrosense.Platform.Recommendations;
using Retrosense.Server.Api.Responses;
using Retrosense.Server.ProcessOptimization;

namespace Retrosense.Server.Api;

/// <summary>Process-optimization recommendations: ask for one (on demand), list, fetch with decisions, accept or reject.</summary>
internal static class RecommendationApi
{
    public const int DefaultLimit = 100;

    public const int MaximumLimit = 1000;

    public const int MaximumByLength = 200;

    public const int MaximumReasonLength = 2000;

    public static RouteGroupBuilder MapRecommendationApi(this RouteGroupBuilder tenantRoutes)
    {
        var tenant = tenantRoutes.MapGroup(string.Empty).WithTags("Recommendations");
        tenant.MapPost("/assets/{assetId}/recommendations", CreateAsync).WithName("CreateRecommendation")
            .Accepts<CreateRecommendationRequest>("application/json")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Recommends setpoints for an asset with a process model now; conditions and current settings left out of the body come from the asset's latest readings. Stored as proposed.");
        tenant.MapGet("/recommendations", ListAsync).WithName("ListRecommendations")
            .WithSummary("The tenant's recommendations, newest first; filters: asset, status (proposed, accepted, rejected), limit 1–1000 (default 100).");
        tenant.MapGet("/recommendations/{recommendationId:long}", GetAsync).WithName("GetRecommendation")
            .WithSummary("One recommendation with every decision on it.");
        tenant.MapPost("/recommendations/{recommendationId:long}/accept", (string tenantId, long recommendationId, HttpRequest request, [FromServices] IRecommendationStore store, CancellationToken cancellationToken) => DecideAsync(tenantId, recommendationId, true, request, store, cancellationToken))
            .WithName("AcceptRecommendation").Accepts<RecommendationDecisionRequest>("application/json").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Accepts a proposed recommendation ({by, reason}; by is required); recorded in the usage log.");
        tenant.MapPost("/recommendations/{recommendationId:long}/reject", (string tenantId, long recommendationId, HttpRequest request, [FromServices] IRecommendationStore store, CancellationToken cancellationToken) => DecideAsync(tenantId, recommendationId, false, request, store, cancellationToken))
            .WithName("RejectRecommendation").Accepts<RecommendationDecisionRequest>("application/json").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Rejects a proposed recommendation ({by, reason}; by is required); recorded in the usage log.");
        return tenantRoutes;
    }

    private static async Task<Results<Created<RecommendationResponse>, ProblemHttpResult>> CreateAsync(
        string tenantId, string assetId, HttpRequest httpRequest, [FromServices] ProcessRecommendationService service, CancellationToken cancellationToken)
    {
        CreateRecommendationRequest? body = null;
        if (httpRequest.ContentLength is not 0)
        {
            try
            {
                body = await httpRequest.ReadFromJsonAsync(RecommendationJsonContext.Default.CreateRecommendationRequest, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException exception)
            {
                return ApiProblems.BadRequest("the body is not a recommendation request {conditions, current, bounds, maxStep, requestedBy}: " + exception.Message.ReplaceLineEndings(" "));
            }
        }

        var request = new ProcessRecommendationRequest(
            body?.Conditions ?? new Dictionary<string, double>(),
            body?.Current,
            body?.Bounds?.ToDictionary(b => b.Key, b => new ProcessBounds(b.Value.Low, b.Value.High), StringComparer.Ordinal),
            body?.MaxStep);
        var trigger = string.IsNullOrWhiteSpace(body?.RequestedBy) ? "api" : body.RequestedBy.Trim();
        if (trigger.Length > MaximumByLength)
        {
            return ApiProblems.BadRequest($"'requestedBy' is longer than {MaximumByLength.ToString(CultureInfo.InvariantCulture)} characters");
        }

        try
        {
            var result = await service.RecommendAsync(tenantId, assetId, request, trigger, cancellationToken).ConfigureAwait(false);
            if (result is null)
            {
                return ApiProblems.NotFound($"asset '{assetId}' of tenant '{tenantId}' has no process model");
            }

            var response = ToResponse(result.Value.Stored);
            return TypedResults.Created($"{ApiRoutes.Tenant.Replace("{" + ApiRoutes.TenantIdParameter + "}", tenantId, StringComparison.Ordinal)}/recommendations/{response.RecommendationId.ToString(CultureInfo.InvariantCulture)}", response);
        }
        catch (ProcessInputException exception)
        {
            return ApiProblems.BadRequest(exception.Message);
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<RecommendationResponse>>, ProblemHttpResult>> ListAsync(
        string tenantId, [FromQuery] string? asset, [FromQuery] string? status, [FromQuery] string? limit, [FromServices] IRecommendationStore store, CancellationToken cancellationToken)
    {
        if (status is not null && status is not (RecommendationStatuses.Proposed or RecommendationStatuses.Accepted or RecommendationStatuses.Rejected))
        {
            return ApiProblems.BadRequest($"'status' must be proposed, accepted or rejected, not '{ApiQuery.Shorten(status)}'");
        }

        var found = await store.ListAsync(tenantId, asset, status, ApiQuery.Limit(limit, DefaultLimit, MaximumLimit), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<RecommendationResponse>>(found.Select(ToResponse).ToList());
    }

    private static async Task<Results<Ok<RecommendationDetailResponse>, ProblemHttpResult>> GetAsync(
        string tenantId, long recommendationId, [FromServices] IRecommendationStore store, CancellationToken cancellationToken)
    {
        var found = await store.GetAsync(tenantId, recommendationId, cancellationToken).ConfigureAwait(false);
        return found is null ? NotFound(tenantId, recommendationId) : TypedResults.Ok(await DetailAsync(store, found, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<RecommendationDetailResponse>, ProblemHttpResult>> DecideAsync(
        string tenantId, long recommendationId, bool accept, HttpRequest httpRequest, IRecommendationStore store, CancellationToken cancellationToken)
    {
        RecommendationDecisionRequest? request;
        try
        {
            request = await httpRequest.ReadFromJsonAsync(RecommendationJsonContext.Default.RecommendationDecisionRequest, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            return ApiProblems.BadRequest("the body is not a JSON object {\"by\": \"who\", \"reason\": \"why\"}: " + exception.Message.ReplaceLineEndings(" "));
        }

        var by = request?.By?.Trim();
        if (string.IsNullOrEmpty(by))
        {
            return ApiProblems.BadRequest($"'by' is required: who {(accept ? "accepts" : "rejects")} the recommendation");
        }

        if (by.Length > MaximumByLength)
        {
            return ApiProblems.BadRequest($"'by' is longer than {MaximumByLength.ToString(CultureInfo.InvariantCulture)} characters");
        }

        var reason = string.IsNullOrWhiteSpace(request!.Reason) ? null : request.Reason.Trim();
        if (reason?.Length > MaximumReasonLength)
        {
            return ApiProblems.BadRequest($"'reason' is longer than {MaximumReasonLength.ToString(CultureInfo.InvariantCulture)} characters");
        }

        StoredRecommendation? decided;
        try
        {
            decided = await store.DecideAsync(tenantId, recommendationId, accept, by, reason, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException exception)
        {
            return TypedResults.Problem(detail: exception.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        }

        return decided is null ? NotFound(tenantId, recommendationId) : TypedResults.Ok(await DetailAsync(store, decided, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<RecommendationDetailResponse> DetailAsync(IRecommendationStore store, StoredRecommendation recommendation, CancellationToken cancellationToken)
    {
        var decisions = await store.ListDecisionsAsync(recommendation.TenantId, recommendation.RecommendationId, cancellationToken).ConfigureAwait(false);
        return new RecommendationDetailResponse(ToResponse(recommendation), decisions.Select(d => new RecommendationDecisionResponse(d.Decision, d.By, d.Reason, d.AtUtc)).ToList());
    }

    private static RecommendationResponse ToResponse(StoredRecommendation stored)
    {
        using var setpoints = JsonDocument.Parse(stored.SetpointsJson);
        JsonElement? effect = null;
        if (stored.ExpectedEffectJson is not null)
        {
            using var document = JsonDocument.Parse(stored.ExpectedEffectJson);
            effect = document.RootElement.Clone();
        }

        return new RecommendationResponse(stored.RecommendationId, stored.AssetId, stored.LineId, stored.ModelVersion, stored.AtUtc, stored.Status, setpoints.RootElement.Clone(), effect, stored.CreatedAtUtc);
    }

    private static ProblemHttpResult NotFound(string tenantId, long recommendationId) =>
        ApiProblems.NotFound($"tenant '{tenantId}' has no recommendation {recommendationId.ToString(CultureInfo.InvariantCulture)}");
}
