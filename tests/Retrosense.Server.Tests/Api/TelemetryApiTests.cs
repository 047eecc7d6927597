using System;
using System.Linq;
using System.Threading.Tasks;
using Retrosense.Platform.Rollups;
using static Retrosense.Server.Tests.Api.ApiResponses;

namespace Retrosense.Server.Tests.Api;

[Collection(ApiServerCollection.Name)]
public sealed class TelemetryApiTests(ApiTestServer fixture)
{
    private static readonly string PumpPath = $"/api/v1/tenants/{ApiTestServer.Tenant}/sites/{ApiTestServer.Site}/assets/{ApiTestServer.Asset}";

    private static string WholeRange => $"from={Iso(ApiTestServer.FirstWindowAt)}&to={Iso(ApiTestServer.FirstWindowAt.AddMinutes(3))}";

    [Fact]
    public async Task Telemetry_Returns_The_Assets_Windows_In_Message_Time_Order_Late_Replay_Included()
    {
        var windows = await fixture.Http.GetJsonAsync(PumpPath + "/telemetry?" + WholeRange);

        Assert.Equal(fixture.Windows.Select(window => window.Seq), windows.EnumerateArray().Select(window => window.GetProperty("seq").GetInt64()));
        Assert.Equal(fixture.Windows.Select(window => window.Timestamp), windows.EnumerateArray().Select(window => window.GetUtcTime("timestampUtc")));
        Assert.True(windows[0].GetProperty("historical").GetBoolean());
        Assert.False(windows[1].GetProperty("historical").GetBoolean());
        var last = windows[ApiTestServer.WindowCount - 1];
        Assert.Equal(fixture.Windows[^1].VelocityRmsMaxMmPerSecond, last.GetProperty("velocityRmsMaxMmPerSecond").GetDouble());
        Assert.Equal(fixture.Windows[^1].VelocityRmsMaxMmPerSecond, last.GetProperty("x").GetProperty("velocityRmsMmPerSecond").GetDouble());
        Assert.Equal(fixture.Windows[^1].TemperatureCelsius, last.GetProperty("environment").GetProperty("temperatureCelsius").GetProperty("mean").GetDouble());
        Assert.Equal(0.08, last.GetProperty("x").GetProperty("bandsG").GetProperty("1x").GetDouble()); // golden telemetry.json
        Assert.Equal(ApiTestServer.Node, last.GetProperty("nodeId").GetString());
    }

    [Fact]
    public async Task Telemetry_Honours_The_Range_And_The_Limit()
    {
        var fromSecondMinute = await fixture.Http.GetJsonAsync($"{PumpPath}/telemetry?from={Iso(ApiTestServer.FirstWindowAt.AddMinutes(1))}&to={Iso(ApiTestServer.FirstWindowAt.AddMinutes(2))}");
        var firstTwo = await fixture.Http.GetJsonAsync(PumpPath + "/telemetry?" + WholeRange + "&limit=2");

        Assert.Equal([103L, 104L, 105L], fromSecondMinute.EnumerateArray().Select(window => window.GetProperty("seq").GetInt64()));
        Assert.Equal([100L, 101L], firstTwo.EnumerateArray().Select(window => window.GetProperty("seq").GetInt64()));
    }

    [Fact]
    public async Task Telemetry_Accepts_An_Offset_Time_And_An_Unencoded_Plus()
    {
        // 19:00+09:00 is 10:00Z; a '+' left unencoded in a query string arrives as a space.
        var windows = await fixture.Http.GetJsonAsync($"{PumpPath}/telemetry?from=2026-01-05T19:00:00+09:00&to=2026-01-05T19:01:00%2B09:00");

        Assert.Equal([100L, 101L, 102L], windows.EnumerateArray().Select(window => window.GetProperty("seq").GetInt64()));
    }

    [Fact]
    public async Task Minute_Rollups_Match_What_Was_Written()
    {
        fixture.RequireService<IRollupStore>();
        var points = await fixture.Http.GetJsonAsync($"{PumpPath}/rollups?resolution=minute&{WholeRange}&metric={RollupMetrics.VelocityRmsMaxMmPerSecond}");

        var expected = fixture.Windows
            .GroupBy(window => window.Timestamp.AddSeconds(-window.Timestamp.Second))
            .Select(minute => (Bucket: minute.Key, Count: minute.Count(), Min: minute.Min(w => w.VelocityRmsMaxMmPerSecond), Max: minute.Max(w => w.VelocityRmsMaxMmPerSecond), Mean: minute.Average(w => w.VelocityRmsMaxMmPerSecond)))
            .ToList();
        Assert.Equal(expected.Count, points.GetArrayLength());
        foreach (var (point, bucket) in points.EnumerateArray().Zip(expected))
        {
            Assert.Equal(bucket.Bucket, point.GetUtcTime("bucketStartUtc"));
            Assert.Equal(RollupMetrics.VelocityRmsMaxMmPerSecond, point.GetProperty("metric").GetString());
            Assert.Equal(bucket.Count, point.GetProperty("count").GetInt64());
            Assert.Equal(bucket.Min, point.GetProperty("minimum").GetDouble(), 9);
            Assert.Equal(bucket.Max, point.GetProperty("maximum").GetDouble(), 9);
            Assert.Equal(bucket.Mean, point.GetProperty("mean").GetDouble(), 9);
        }
    }

    [Fact]
    public async Task Hour_Rollups_Hold_Every_Window_And_Repeated_Metrics_Select_Several()
    {
        fixture.RequireService<IRollupStore>();
        var points = await fixture.Http.GetJsonAsync(
            $"{PumpPath}/rollups?resolution=hour&from={Iso(ApiTestServer.FirstWindowAt)}&to={Iso(ApiTestServer.FirstWindowAt.AddHours(1))}&metric={RollupMetrics.TemperatureCelsius}&metric={RollupMetrics.VelocityRmsMaxMmPerSecond}");

        Assert.Equal(2, points.GetArrayLength());
        var temperature = points.EnumerateArray().Single(point => point.GetProperty("metric").GetString() == RollupMetrics.TemperatureCelsius);
        Assert.Equal(ApiTestServer.FirstWindowAt, temperature.GetUtcTime("bucketStartUtc"));
        Assert.Equal(ApiTestServer.WindowCount, temperature.GetProperty("count").GetInt64());
        Assert.Equal(fixture.Windows.Min(window => window.TemperatureCelsius), temperature.GetProperty("minimum").GetDouble(), 9);
        Assert.Equal(fixture.Windows.Max(window => window.TemperatureCelsius), temperature.GetProperty("maximum").GetDouble(), 9);
        Assert.Equal(fixture.Windows.Average(window => window.TemperatureCelsius), temperature.GetProperty("mean").GetDouble(), 9);
    }

    [Fact]
    public async Task Rollups_Without_A_Metric_Return_Every_Metric()
    {
        fixture.RequireService<IRollupStore>();
        var points = await fixture.Http.GetJsonAsync($"{PumpPath}/rollups?resolution=hour&from={Iso(ApiTestServer.FirstWindowAt)}&to={Iso(ApiTestServer.FirstWindowAt.AddHours(1))}");

        Assert.Equal(RollupMetrics.All.OrderBy(name => name, StringComparer.Ordinal), points.EnumerateArray().Select(point => point.GetProperty("metric").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Another_Tenants_Telemetry_With_The_Same_Ids_Stays_Out()
    {
        fixture.RequireService<IRollupStore>();
        var windows = await fixture.Http.GetJsonAsync(PumpPath + "/telemetry?" + WholeRange);
        var points = await fixture.Http.GetJsonAsync($"{PumpPath}/rollups?resolution=hour&from={Iso(ApiTestServer.FirstWindowAt)}&to={Iso(ApiTestServer.FirstWindowAt.AddHours(1))}&metric={RollupMetrics.VelocityRmsMaxMmPerSecond}");

        // globex wrote 40 mm/s into the same site/asset/node ids at the same times.
        Assert.All(windows.EnumerateArray(), window => Assert.True(window.GetProperty("velocityRmsMaxMmPerSecond").GetDouble() < 40));
        Assert.Equal(ApiTestServer.WindowCount, Assert.Single(points.EnumerateArray()).GetProperty("count").GetInt64());
    }
}
