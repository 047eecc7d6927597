using System.Net;
using System.Threading.Tasks;

namespace Retrosense.Server.Tests.Api;

/// <summary>Every kind of bad query value gets a 400 problem with one line naming the value; never a 500.</summary>
[Collection(ApiServerCollection.Name)]
public sealed class BadRequestApiTests(ApiTestServer fixture)
{
    private const string Pump = "/api/v1/tenants/acme/sites/plant-1/assets/pump-3";

    [Theory]
    [InlineData(Pump + "/telemetry?to=2026-01-05T11:00:00Z", "'from' is required: an ISO 8601 UTC time such as 2026-11-27T15:00:00Z")]
    [InlineData(Pump + "/telemetry?from=2026-01-05T10:00:00Z", "'to' is required: an ISO 8601 UTC time such as 2026-11-27T15:00:00Z")]
    [InlineData(Pump + "/telemetry?from=yesterday&to=2026-01-05T11:00:00Z", "'from' value 'yesterday' is not an ISO 8601 time such as 2026-11-27T15:00:00Z")]
    [InlineData(Pump + "/telemetry?from=2026-13-45T10:00:00Z&to=2026-01-05T11:00:00Z", "'from' value '2026-13-45T10:00:00Z' is not an ISO 8601 time such as 2026-11-27T15:00:00Z")]
    [InlineData(Pump + "/telemetry?from=2026-01-05T11:00:00Z&to=2026-01-05T11:00:00Z", "'from' (2026-01-05T11:00:00Z) must be before 'to' (2026-01-05T11:00:00Z)")]
    [InlineData(Pump + "/telemetry?from=2026-01-05T12:00:00Z&to=2026-01-05T11:00:00Z", "'from' (2026-01-05T12:00:00Z) must be before 'to' (2026-01-05T11:00:00Z)")]
    [InlineData(Pump + "/telemetry?from=2025-01-01T00:00:00Z&to=2026-01-05T11:00:00Z", "the range from 2025-01-01T00:00:00Z to 2026-01-05T11:00:00Z is longer than the 31 days allowed here; ask for a shorter range or a coarser resolution")]
    [InlineData(Pump + "/telemetry?from=2026-01-05T10:00:00Z&to=2026-01-05T11:00:00Z&limit=0", "'limit' value '0' is not a whole number from 1 to 10000")]
    [InlineData(Pump + "/telemetry?from=2026-01-05T10:00:00Z&to=2026-01-05T11:00:00Z&limit=10001", "'limit' value '10001' is not a whole number from 1 to 10000")]
    [InlineData(Pump + "/telemetry?from=2026-01-05T10:00:00Z&to=2026-01-05T11:00:00Z&limit=ten", "'limit' value 'ten' is not a whole number from 1 to 10000")]
    [InlineData(Pump + "/telemetry?from=2026-01-05T10:00:00Z&to=2026-01-05T11:00:00Z&limit=-5", "'limit' value '-5' is not a whole number from 1 to 10000")]
    [InlineData(Pump + "/rollups?from=2026-01-05T10:00:00Z&to=2026-01-05T11:00:00Z&metric=vibes", "unknown metric 'vibes'; known metrics: vel_rms_max_mm_s, rms_g_max, kurtosis_max, crest_max, env_rms_g_max, temp_c, rh_pct, pressure_hpa")]
    [InlineData(Pump + "/rollups?from=2026-01-05T10:00:00Z&to=2026-01-05T11:00:00Z&resolution=day", "'resolution' value 'day' is not minute or hour")]
    [InlineData(Pump + "/rollups?resolution=minute&from=2026-01-01T00:00:00Z&to=2026-01-09T00:00:00Z", "the range from 2026-01-01T00:00:00Z to 2026-01-09T00:00:00Z is longer than the 7 days allowed here; ask for a shorter range or a coarser resolution")]
    [InlineData(Pump + "/rollups?resolution=minute&to=2026-01-09T00:00:00Z", "'from' is required: an ISO 8601 UTC time such as 2026-11-27T15:00:00Z")]
    [InlineData("/api/v1/tenants/acme/node-alarms?from=2026-01-05T10:00:00Z", "'to' is required: an ISO 8601 UTC time such as 2026-11-27T15:00:00Z")]
    [InlineData("/api/v1/tenants/acme/quarantine?limit=1001", "'limit' value '1001' is not a whole number from 1 to 1000")]
    public async Task A_Bad_Query_Value_Is_A_400_Problem_Saying_What_Is_Wrong(string path, string expectedDetail)
    {
        var detail = await fixture.Http.GetProblemDetailAsync(path, HttpStatusCode.BadRequest);

        Assert.Equal(expectedDetail, detail);
    }

    [Theory]
    [InlineData("/api/v1/tenants/bad%20tenant!/sites", "tenant id 'bad tenant!' has invalid character ' '")]
    [InlineData("/api/v1/tenants/acme/assets?site=no%20such%20site", "site id 'no such site' has invalid character ' '")]
    public async Task An_Id_That_Breaks_The_Topic_Segment_Rule_Is_A_400_With_The_Registrys_Reason(string path, string expectedStart)
    {
        var detail = await fixture.Http.GetProblemDetailAsync(path, HttpStatusCode.BadRequest);

        Assert.StartsWith(expectedStart, detail, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Huge_Query_Value_Is_Refused_Without_Echoing_It_Back()
    {
        var detail = await fixture.Http.GetProblemDetailAsync(Pump + "/telemetry?from=" + new string('9', 5000) + "&to=2026-01-05T11:00:00Z", HttpStatusCode.BadRequest);

        Assert.True(detail.Length < 200, detail);
    }

    [Fact]
    public async Task An_Unknown_Route_Is_A_404_Problem_Not_An_Empty_Answer()
    {
        using var response = await fixture.Http.GetAsync(new System.Uri("/api/v1/tenants/acme/gizmos", System.UriKind.Relative), TestContext.Current.CancellationToken);
        var problem = await ApiResponses.ReadAsync(response, HttpStatusCode.NotFound);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }
}
