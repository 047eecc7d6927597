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
using Retrosense.Platform.Alarms;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Registry;
using Retrosense.Server.Api.Responses;

namespace Retrosense.Server.Api;

/// <summary>The tenant's alarms (list, one with its history, acknowledge) and the raw alarm messages nodes sent.</summary>
internal static class AlarmApi
{
    public const int DefaultAlarmLimit = 500;

    public const int MaximumAlarmLimit = 1000;

    public const int DefaultNodeAlarmLimit = 1000;

    public const int MaximumNodeAlarmLimit = 10_000;

    /// <summary>A year of a node's alarm messages is small; the bound only stops an accidental scan of everything.</summary>
    public static readonly TimeSpan MaximumNodeAlarmRange = TimeSpan.FromDays(366);

    /// <summary>Who acknowledged, and why, are kept forever; bound them so one request cannot store a megabyte.</summary>
    public const int MaximumAcknowledgerLength = 200;

    public const int MaximumNoteLength = 2000;

    public static RouteGroupBuilder MapAlarmApi(this RouteGroupBuilder tenantRoutes)
    {
        var tenant = tenantRoutes.MapGroup(string.Empty).WithTags("Alarms");
        tenant.MapGet("/alarms", ListAlarmsAsync).WithName("ListAlarms")
            .WithSummary("The tenant's alarms, newest raised first; filters: site, asset, active=true, unacknowledged=true, from/to (raised time, ISO 8601 UTC), limit 1–1000 (default 500).");
        tenant.MapGet("/alarms/{alarmId:long}", GetAlarmAsync).WithName("GetAlarm").WithSummary("One alarm with every event of its history, oldest first.");
        tenant.MapPost("/alarms/{alarmId:long}/acknowledge", AcknowledgeAlarmAsync).WithName("AcknowledgeAlarm")
            .Accepts<AcknowledgeAlarmRequest>("application/json")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Records who saw the alarm and why ({by, note}; by is required). Acknowledging again adds another event.");
        tenant.MapGet("/node-alarms", ListNodeAlarmMessagesAsync).WithName("ListNodeAlarmMessages")
            .WithSummary("Alarm messages exactly as nodes sent them, in message-time order; from and to required (at most 366 days), ?asset= narrows, limit 1–10000 (default 1000).");
        return tenantRoutes;
    }

    private static async Task<Results<Ok<IReadOnlyList<AlarmResponse>>, ProblemHttpResult>> ListAlarmsAsync(
        string tenantId,
        [FromQuery] string? site,
        [FromQuery] string? asset,
        [FromQuery] string? active,
        [FromQuery] string? unacknowledged,
        [FromQuery] string? from,
        [FromQuery] string? to,
        [FromQuery] string? limit,
        [FromServices] IAlarmStore alarms,
        CancellationToken cancellationToken)
    {
        var fromUtc = ApiQuery.OptionalTime(nameof(from), from);
        var toUtc = ApiQuery.OptionalTime(nameof(to), to);
        if (fromUtc is { } start && toUtc is { } end && start >= end)
        {
            throw new ApiRequestException("'from' must be before 'to'");
        }

        var query = new AlarmQuery(
            tenantId,
            site,
            asset,
            ApiQuery.Flag(nameof(active), active),
            ApiQuery.Flag(nameof(unacknowledged), unacknowledged),
            fromUtc,
            toUtc,
            ApiQuery.Limit(limit, DefaultAlarmLimit, MaximumAlarmLimit));
        var found = await alarms.ListAsync(query, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<AlarmResponse>>(found.Select(alarm => alarm.ToResponse()).ToList());
    }

    private static async Task<Results<Ok<AlarmDetailResponse>, ProblemHttpResult>> GetAlarmAsync(
        string tenantId, long alarmId, [FromServices] IAlarmStore alarms, CancellationToken cancellationToken)
    {
        var alarm = await alarms.GetAsync(tenantId, alarmId, cancellationToken).ConfigureAwait(false);
        if (alarm is null)
        {
            return AlarmNotFound(tenantId, alarmId);
        }

        return TypedResults.Ok(await DetailAsync(alarms, alarm, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<AlarmDetailResponse>, ProblemHttpResult>> AcknowledgeAlarmAsync(
        string tenantId, long alarmId, HttpRequest httpRequest, [FromServices] IAlarmStore alarms, CancellationToken cancellationToken)
    {
        // The body is read here rather than bound by the framework, whose failures answer 400 with no word of why.
        // A body that is not JSON never gets here: the Accepts metadata makes routing answer 415.
        AcknowledgeAlarmRequest? request;
        try
        {
            request = await httpRequest.ReadFromJsonAsync(ApiJsonContext.Default.AcknowledgeAlarmRequest, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            return ApiProblems.BadRequest("the body is not a JSON object {\"by\": \"who\", \"note\": \"why\"}: " + exception.Message.ReplaceLineEndings(" "));
        }

        var by = request?.By?.Trim();
        if (string.IsNullOrEmpty(by))
        {
            return ApiProblems.BadRequest("'by' is required: who acknowledges the alarm");
        }

        if (by.Length > MaximumAcknowledgerLength)
        {
            return ApiProblems.BadRequest($"'by' is longer than {MaximumAcknowledgerLength.ToString(CultureInfo.InvariantCulture)} characters");
        }

        var note = string.IsNullOrWhiteSpace(request!.Note) ? null : request.Note.Trim();
        if (note?.Length > MaximumNoteLength)
        {
            return ApiProblems.BadRequest($"'note' is longer than {MaximumNoteLength.ToString(CultureInfo.InvariantCulture)} characters");
        }

        if (await alarms.GetAsync(tenantId, alarmId, cancellationToken).ConfigureAwait(false) is null)
        {
            return AlarmNotFound(tenantId, alarmId);
        }

        var acknowledged = await alarms.AcknowledgeAsync(tenantId, alarmId, by, note, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(await DetailAsync(alarms, acknowledged, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<IReadOnlyList<NodeAlarmMessageResponse>>, ProblemHttpResult>> ListNodeAlarmMessagesAsync(
        string tenantId,
        [FromQuery] string? asset,
        [FromQuery] string? from,
        [FromQuery] string? to,
        [FromQuery] string? limit,
        [FromServices] IIngestionStore ingestion,
        CancellationToken cancellationToken)
    {
        var fromUtc = ApiQuery.RequireTime(nameof(from), from);
        var toUtc = ApiQuery.RequireTime(nameof(to), to);
        ApiQuery.RequireRange(fromUtc, toUtc, MaximumNodeAlarmRange);
        var messageLimit = ApiQuery.Limit(limit, DefaultNodeAlarmLimit, MaximumNodeAlarmLimit);
        var messages = await ingestion.ListAlarmsAsync(tenantId, asset, fromUtc, toUtc, messageLimit, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<NodeAlarmMessageResponse>>(messages.Select(message => message.ToResponse()).ToList());
    }

    private static async Task<AlarmDetailResponse> DetailAsync(IAlarmStore alarms, Alarm alarm, CancellationToken cancellationToken)
    {
        var events = await alarms.ListEventsAsync(alarm.TenantId, alarm.AlarmId, cancellationToken).ConfigureAwait(false);
        return new AlarmDetailResponse(alarm.ToResponse(), events.Select(alarmEvent => alarmEvent.ToResponse()).ToList());
    }

    private static ProblemHttpResult AlarmNotFound(string tenantId, long alarmId) =>
        ApiProblems.NotFound($"tenant '{tenantId}' has no alarm {alarmId.ToString(CultureInfo.InvariantCulture)}");
}
