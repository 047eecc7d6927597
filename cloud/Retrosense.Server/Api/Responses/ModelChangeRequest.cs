namespace Retrosense.Server.Api.Responses;

/// <summary>
/// Body of <c>POST …/models/{id}/promote</c> (<c>{by}</c>) and <c>POST …/models/rollback</c> (<c>{by, name, site, asset}</c>;
/// site and asset both given for an asset's model, both absent for the tenant's).
/// </summary>
public sealed record ModelChangeRequest(string? By, string? Name = null, string? Site = null, string? Asset = null);
