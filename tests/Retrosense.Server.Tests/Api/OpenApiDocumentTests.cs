using System.Linq;
using System.Threading.Tasks;

namespace Retrosense.Server.Tests.Api;

[Collection(ApiServerCollection.Name)]
public sealed class OpenApiDocumentTests(ApiTestServer fixture)
{
    [Fact]
    public async Task The_OpenApi_Document_Parses_And_Lists_Every_Path_With_Its_Method()
    {
        var document = await fixture.Http.GetJsonAsync("/openapi/v1.json");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), System.StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        (string Path, string Method)[] expected =
        [
            ("/health", "get"),
            ("/metrics", "get"),
            ("/api/v1/tenants/{tenantId}/sites", "get"),
            ("/api/v1/tenants/{tenantId}/assets", "get"),
            ("/api/v1/tenants/{tenantId}/sites/{siteId}/assets", "get"),
            ("/api/v1/tenants/{tenantId}/sites/{siteId}/assets/{assetId}", "get"),
            ("/api/v1/tenants/{tenantId}/nodes", "get"),
            ("/api/v1/tenants/{tenantId}/sites/{siteId}/assets/{assetId}/telemetry", "get"),
            ("/api/v1/tenants/{tenantId}/sites/{siteId}/assets/{assetId}/rollups", "get"),
            ("/api/v1/tenants/{tenantId}/alarms", "get"),
            ("/api/v1/tenants/{tenantId}/alarms/{alarmId}", "get"),
            ("/api/v1/tenants/{tenantId}/alarms/{alarmId}/acknowledge", "post"),
            ("/api/v1/tenants/{tenantId}/node-alarms", "get"),
            ("/api/v1/tenants/{tenantId}/quarantine", "get"),
            ("/api/v1/tenants/{tenantId}/quarantine/count", "get"),
            ("/api/v1/tenants/{tenantId}/sites/{siteId}/assets/{assetId}/predictions", "get"),
            ("/api/v1/tenants/{tenantId}/sites/{siteId}/assets/{assetId}/predictions/latest", "get"),
            ("/api/v1/tenants/{tenantId}/models", "get"),
            ("/api/v1/tenants/{tenantId}/models/{modelId}", "get"),
            ("/api/v1/tenants/{tenantId}/models/{modelId}/promotions", "get"),
            ("/api/v1/tenants/{tenantId}/models/{modelId}/promote", "post"),
            ("/api/v1/tenants/{tenantId}/models/rollback", "post"),
            ("/api/v1/tenants/{tenantId}/assets/{assetId}/recommendations", "post"),
            ("/api/v1/tenants/{tenantId}/recommendations", "get"),
            ("/api/v1/tenants/{tenantId}/recommendations/{recommendationId}", "get"),
            ("/api/v1/tenants/{tenantId}/recommendations/{recommendationId}/accept", "post"),
            ("/api/v1/tenants/{tenantId}/recommendations/{recommendationId}/reject", "post"),
        ];
        Assert.Equal(expected.Select(entry => entry.Path).Order(), paths.EnumerateObject().Select(path => path.Name).Order());
        foreach (var (path, method) in expected)
        {
            Assert.True(paths.GetProperty(path).TryGetProperty(method, out var operation), $"{path} has no {method}");
            Assert.True(operation.TryGetProperty("responses", out _), $"{method} {path} documents no responses");
        }

        // Query parameters and the camelCase response schemas are documented, not just the paths.
        var telemetry = paths.GetProperty("/api/v1/tenants/{tenantId}/sites/{siteId}/assets/{assetId}/telemetry").GetProperty("get");
        Assert.Equal(["tenantId", "siteId", "assetId", "from", "to", "limit"], telemetry.GetProperty("parameters").EnumerateArray().Select(parameter => parameter.GetProperty("name").GetString()));
        Assert.True(document.GetProperty("components").GetProperty("schemas").GetProperty("TelemetryWindowResponse").GetProperty("properties").TryGetProperty("velocityRmsMaxMmPerSecond", out _));
    }
}
