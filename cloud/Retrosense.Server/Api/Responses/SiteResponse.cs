namespace Retrosense.Server.Api.Responses;

/// <summary>A site of the tenant.</summary>
/// <param name="TimeZoneId">IANA time zone the site reports in (shift boundaries, local dates).</param>
public sealed record SiteResponse(string TenantId, string SiteId, string Name, string TimeZoneId);
