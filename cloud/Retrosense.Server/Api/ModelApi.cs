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
using Retrosense.Platform.Models;
using Retrosense.Platform.Registry;
using Retrosense.Server.Api.Responses;
using Retrosense.Server.Scoring;

namespace Retrosense.Server.Api;

/// <summary>The tenant's model registry: list versions, one version with its promotion history, promote, roll back.</summary>
internal static class ModelApi
{
    /// <summary>Who promoted or rolled back is kept forever; bound it like an acknowledger.</summary>
    public const int MaximumActorLength = 200;

    public static RouteGroupBuilder MapModelApi(this RouteGroupBuilder tenantRoutes)
    {
        var models = tenantRoutes.MapGroup(string.Empty).WithTags("Models");
        models.MapGet("/models", ListModelsAsync).WithName("ListModels")
            .WithSummary("Every version of the tenant's models, newest first; ?site=&asset= narrows to one asset's models, ?name= to one model.");
        models.MapGet("/models/{modelId:long}", GetModelAsync).WithName("GetModel").WithSummary("One model version (metadata and metrics; not the package).");
        models.MapGet("/models/{modelId:long}/promotions", ListPromotionsAsync).WithName("ListModelPromotions")
            .WithSummary("Promotions and roll-backs of this model's scope and name, oldest first.");
        models.MapPost("/models/{modelId:long}/promote", PromoteAsync).WithName("PromoteModel")
            .Accepts<ModelChangeRequest>("application/json")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Makes this version the one scoring uses for its scope and name ({by}); live scoring picks it up before its next window.");
        models.MapPost("/models/rollback", RollBackAsync).WithName("RollBackModel")
            .Accepts<ModelChangeRequest>("application/json")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Re-promotes the version the promoted one replaced ({by, name, site, asset}; site and asset for an asset's model, neither for the tenant's); 404 when nothing is promoted.");
        return tenantRoutes;
    }

    private static async Task<Ok<IReadOnlyList<ModelResponse>>> ListModelsAsync(
        string tenantId, [FromQuery] string? site, [FromQuery] string? asset, [FromQuery] string? name, [FromServices] IModelRegistryStore models, CancellationToken cancellationToken)
    {
        if ((site is null) != (asset is null))
        {
            throw new ApiRequestException("give both 'site' and 'asset' (an asset id is unique only within its site), or neither");
        }

        var found = await models.ListAsync(tenantId, site, asset, name, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<ModelResponse>>(found.Select(ToResponse).ToList());
    }

    private static async Task<Results<Ok<ModelResponse>, ProblemHttpResult>> GetModelAsync(
        string tenantId, long modelId, [FromServices] IModelRegistryStore models, CancellationToken cancellationToken)
    {
        var model = await models.GetAsync(tenantId, modelId, cancellationToken).ConfigureAwait(false);
        return model is null ? ModelNotFound(tenantId, modelId) : TypedResults.Ok(ToResponse(model));
    }

    private static async Task<Results<Ok<IReadOnlyList<ModelPromotionResponse>>, ProblemHttpResult>> ListPromotionsAsync(
        string tenantId, long modelId, [FromServices] IModelRegistryStore models, CancellationToken cancellationToken)
    {
        var model = await models.GetAsync(tenantId, modelId, cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return ModelNotFound(tenantId, modelId);
        }

        var history = await models.ListPromotionsAsync(model.Scope, model.Name, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<ModelPromotionResponse>>(history
            .Select(entry => new ModelPromotionResponse(entry.PromotionId, entry.ModelId, entry.ReplacedModelId, entry.Action, entry.AtUtc.UtcDateTime, entry.By))
            .ToList());
    }

    private static async Task<Results<Ok<ModelResponse>, ProblemHttpResult>> PromoteAsync(
        string tenantId, long modelId, HttpRequest httpRequest, [FromServices] IModelRegistryStore models, [FromServices] AssetHealthScoring scoring, CancellationToken cancellationToken)
    {
        var (request, problem) = await ReadRequestAsync(httpRequest, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (await models.GetAsync(tenantId, modelId, cancellationToken).ConfigureAwait(false) is null)
        {
            return ModelNotFound(tenantId, modelId);
        }

        var promoted = await models.PromoteAsync(tenantId, modelId, request!.By!, cancellationToken).ConfigureAwait(false);
        scoring.RegistryChanged();
        return TypedResults.Ok(ToResponse(promoted));
    }

    private static async Task<Results<Ok<ModelResponse>, NoContent, ProblemHttpResult>> RollBackAsync(
        string tenantId, HttpRequest httpRequest, [FromServices] IModelRegistryStore models, [FromServices] AssetHealthScoring scoring, CancellationToken cancellationToken)
    {
        var (request, problem) = await ReadRequestAsync(httpRequest, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(request!.Name))
        {
            return ApiProblems.BadRequest("'name' is required: the model to roll back (e.g. anomaly-baseline)");
        }

        if ((request.Site is null) != (request.Asset is null))
        {
            return ApiProblems.BadRequest("give both 'site' and 'asset' for an asset's model, or neither for the tenant's");
        }

        var scope = new ModelScope(tenantId, request.Site, request.Asset);
        try
        {
            var restored = await models.RollBackAsync(scope, request.Name, request.By!, cancellationToken).ConfigureAwait(false);
            scoring.RegistryChanged();

            // 204: the roll-back left no version promoted (the current one replaced none).
            return restored is null ? TypedResults.NoContent() : TypedResults.Ok(ToResponse(restored));
        }
        catch (RegistryNotFoundException exception)
        {
            return ApiProblems.NotFound(exception.Message);
        }
    }

    private static async Task<(ModelChangeRequest? Request, ProblemHttpResult? Problem)> ReadRequestAsync(HttpRequest httpRequest, CancellationToken cancellationToken)
    {
        // Read here rather than bound by the framework, whose failures answer 400 with no word of why.
        ModelChangeRequest? request;
        try
        {
            request = await httpRequest.ReadFromJsonAsync(PredictionApiJsonContext.Default.ModelChangeRequest, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            return (null, ApiProblems.BadRequest("the body is not a JSON object {\"by\": \"who\", …}: " + exception.Message.ReplaceLineEndings(" ")));
        }

        var by = request?.By?.Trim();
        if (string.IsNullOrEmpty(by))
        {
            return (null, ApiProblems.BadRequest("'by' is required: who changes the promoted model"));
        }

        if (by.Length > MaximumActorLength)
        {
            return (null, ApiProblems.BadRequest($"'by' is longer than {MaximumActorLength.ToString(CultureInfo.InvariantCulture)} characters"));
        }

        return (request! with { By = by }, null);
    }

    private static ModelResponse ToResponse(RegisteredModel model) => new(
        model.ModelId,
        model.Scope.SiteId,
        model.Scope.AssetId,
        model.Name,
        model.Version,
        model.Kind,
        model.TrainedAtUtc.UtcDateTime,
        model.RegisteredAtUtc.UtcDateTime,
        model.CreatedBy,
        PredictionApi.ParseJson(model.MetricsJson),
        PredictionApi.ParseJson(model.MetadataJson) ?? default,
        model.ArtifactPath,
        model.PackageBytes,
        model.IsPromoted,
        model.PromotedAtUtc?.UtcDateTime);

    private static ProblemHttpResult ModelNotFound(string tenantId, long modelId) =>
        ApiProblems.NotFound($"tenant '{tenantId}' has no model {modelId.ToString(CultureInfo.InvariantCulture)}");
}
