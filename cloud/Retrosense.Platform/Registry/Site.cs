namespace Retrosense.Platform.Registry;

/// <summary>A plant or building of a tenant.</summary>
public sealed record Site
{
    /// <summary>Our customers are Korean manufacturers; reports and shift boundaries use the site's local time.</summary>
    public const string DefaultTimeZoneId = "Asia/Seoul";

    /// <param name="tenantId">Owning tenant.</param>
    /// <param name="siteId">The site level of the topic; unique within the tenant.</param>
    /// <param name="name">Human-readable name.</param>
    /// <param name="timeZoneId">IANA time zone id; <see cref="DefaultTimeZoneId"/> when not given.</param>
    public Site(string tenantId, string siteId, string name, string timeZoneId = DefaultTimeZoneId)
    {
        TenantId = RegistryValidation.RequireId("tenant", tenantId);
        SiteId = RegistryValidation.RequireId("site", siteId);
        Name = RegistryValidation.RequireText("site name", name);
        TimeZoneId = RegistryValidation.RequireTimeZone(timeZoneId);
    }

    public string TenantId { get; }

    public string SiteId { get; }

    public string Name { get; }

    public string TimeZoneId { get; }
}
