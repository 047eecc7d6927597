namespace Retrosense.Server.Api.Responses;

/// <summary>Whether the reporting store answered a query.</summary>
/// <param name="Status"><c>ok</c> or <c>failing</c>.</param>
/// <param name="Kind"><c>sqlite</c> or <c>postgres</c>.</param>
/// <param name="Error">One line saying what failed; null when ok.</param>
public sealed record StoreHealthResponse(string Status, string Kind, int SchemaVersion, string? Error);
