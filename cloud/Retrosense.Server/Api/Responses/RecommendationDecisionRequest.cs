namespace Retrosense.Server.Api.Responses;

/// <summary>Body of POST …/recommendations/{id}/accept or /reject: who decided (required) and why.</summary>
public sealed record RecommendationDecisionRequest(string? By, string? Reason);
