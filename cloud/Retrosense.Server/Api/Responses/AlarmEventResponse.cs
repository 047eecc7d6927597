using System;

namespace Retrosense.Server.Api.Responses;

/// <summary>One entry of an alarm's history.</summary>
/// <param name="Type"><c>raised</c>, <c>escalated</c>, <c>cleared</c> or <c>acknowledged</c>.</param>
/// <param name="Actor"><c>node:{id}</c>, <c>cloud</c>, or the acknowledging person.</param>
public sealed record AlarmEventResponse(string Type, DateTime AtUtc, string Actor, string Severity, string? Note);
