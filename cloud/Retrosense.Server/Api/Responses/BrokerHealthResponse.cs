namespace Retrosense.Server.Api.Responses;

/// <summary>Whether nodes can reach the broker the server ingests from.</summary>
/// <param name="Status"><c>ok</c> (listening), <c>starting</c> (not yet) or <c>absent</c> (no broker configured).</param>
/// <param name="Embedded">True for the server's own broker, false for an external one (<c>--broker</c>).</param>
/// <param name="Address">Where nodes connect, once known.</param>
public sealed record BrokerHealthResponse(string Status, bool? Embedded, string? Address);
