namespace Retrosense.Server.Api;

/// <summary>Route templates shared by the endpoints, the tenant filter and the tests.</summary>
public static class ApiRoutes
{
    public const string TenantIdParameter = "tenantId";

    /// <summary>Every tenant-scoped route starts here; the tenant in the path scopes every query.</summary>
    public const string Tenant = "/api/v1/tenants/{" + TenantIdParameter + "}";

    public const string Health = "/health";

    public const string Metrics = "/metrics";

    /// <summary>Where <c>MapOpenApi</c> serves the document (its default pattern with document name v1).</summary>
    public const string OpenApiDocument = "/openapi/v1.json";
}
