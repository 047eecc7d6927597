namespace Retrosense.Server.Api.Responses;

/// <summary>Body of <c>POST …/alarms/{alarmId}/acknowledge</c>.</summary>
/// <param name="By">Who saw the alarm (required, not blank).</param>
/// <param name="Note">Why, or what was done (optional).</param>
public sealed record AcknowledgeAlarmRequest(string? By, string? Note);
