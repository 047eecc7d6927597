namespace Retrosense.Server.Api.Responses;

/// <summary>A machine of a site with its ISO 10816-3 class.</summary>
/// <param name="MachineGroup">ISO 10816-3 machine group: 1 large, 2 medium.</param>
/// <param name="Foundation"><c>rigid</c> or <c>flexible</c> (ISO 10816-3).</param>
/// <param name="ShaftSpeedRpm">Nominal shaft speed, when known.</param>
public sealed record AssetResponse(string TenantId, string SiteId, string AssetId, string Name, int MachineGroup, string Foundation, float? ShaftSpeedRpm);
