namespace Retrosense.Server.Api.Responses;

/// <summary>How many quarantined messages a tenant has.</summary>
public sealed record QuarantineCountResponse(long Count);
