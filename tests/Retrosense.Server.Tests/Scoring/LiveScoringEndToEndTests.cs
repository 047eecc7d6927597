using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Retrosense.Contracts;
using Retrosense.Node.Configuration;
using Retrosense.Node.Host.Simulation;
using Retrosense.Node.Thresholds;
using Retrosense.Platform.Credentials;
using Retrosense.Server.Scoring;
using Retrosense.Server.Tests.Api;
using static Retrosense.Server.Tests.Api.ApiResponses;

namespace Retrosense.Server.Tests.Scoring;

/// <summary>
/// Telemetry in over MQTT → predictions, registry and alarms out through the API: a simulated pump's node publishes 60
/// healthy windows (the baseline is learned live, registered and promoted), then windows with a developed outer-race
/// spall (health falls, the anomaly alarm is raised), and the baseline is rolled back and promoted again through the API.
/// Its own server: publishing changes counts the shared API tests assert.
/// </summary>
public sealed class LiveScoringEndToEndTests(ApiTestServer fixture) : IClassFixture<ApiTestServer>
{
    private const int HealthyWindows = 60;
    private const int FaultyWindows = 6;
    private static readonly string TenantPath = $"/api/v1/tenants/{ApiTestServer.Tenant}";
    private static readonly string PumpPath = $"{TenantPath}/sites/{ApiTestServer.Site}/assets/{ApiTestServer.Asset}";

    [Fact]
    public async Task Published_Telemetry_Is_Scored_A_Baseline_Is_Learned_And_A_Bearing_Fault_Shows_As_An_Anomaly_Through_The_Api()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var startUtc = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeMilliseconds());

        // A minute apart; a developed spall (severity 0.5) from the first faulty window on.
        var faultOnsetSeconds = HealthyWindows * 60.0;
        var settings = new MachineModelSettings { Seed = 31, ShaftSpeedRpm = 1780, StartUtc = startUtc, Faults = new FaultPlan([new FaultGrowth(FaultKind.OuterRace, faultOnsetSeconds, 0.5, 0)]) };
        var config = NodeConfig.CreateDefault();
        config.ShaftSpeedRpm = 1780;
        config.Bearing = settings.Bearing;
        var node = new SimulatedNodeTelemetry(new MachineModel(settings), config, TopicPath.Create(ApiTestServer.Tenant, ApiTestServer.Site, ApiTestServer.Asset, ApiTestServer.Node, "telemetry"));

        var password = await fixture.RequireService<INodeCredentialStore>().IssuePasswordAsync(ApiTestServer.Tenant, ApiTestServer.Node, cancellation);
        var broker = await fixture.Server.GetBrokerAddressAsync(cancellation);
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(
            new MqttClientOptionsBuilder()
                .WithTcpServer(broker.Host, broker.Port)
                .WithClientId("LiveScoringEndToEnd")
                .WithCredentials(ApiTestServer.Tenant + ":" + ApiTestServer.Node, password)
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .Build(),
            cancellation);
        var topic = TopicPath.Build(ApiTestServer.Tenant, ApiTestServer.Site, ApiTestServer.Asset, ApiTestServer.Node, "telemetry");
        for (var window = 0; window < HealthyWindows + FaultyWindows; window++)
        {
            var message = node.WindowAt(window * 60.0);
            var published = await client.PublishAsync(
                new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(message.PayloadUtf8.ToArray()).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
                cancellation);
            Assert.Equal(MqttClientPublishReasonCode.Success, published.ReasonCode);
        }

        await client.DisconnectAsync(cancellationToken: cancellation);

        // Scoring runs behind ingestion (never on the commit path): wait for it to catch up.
        var range = $"from={Iso(startUtc.AddMinutes(-1))}&to={Iso(startUtc.AddHours(2))}";
        JsonElement predictions = default;
        for (var attempt = 0; attempt < 300; attempt++)
        {
            predictions = await fixture.Http.GetJsonAsync($"{PumpPath}/predictions?{range}&kind=anomaly");
            if (predictions.GetArrayLength() >= HealthyWindows + FaultyWindows)
            {
                break;
            }

            await Task.Delay(100, cancellation);
        }

        var all = predictions.EnumerateArray().ToList();
        Assert.Equal(HealthyWindows + FaultyWindows, all.Count);
        Assert.Equal("learning", all[0].GetProperty("label").GetString());
        Assert.Equal(AssetHealthScoring.LearningVersion, all[0].GetProperty("modelVersion").GetString());
        Assert.Equal("learning, 1 of 60 windows", all[0].GetProperty("details").GetProperty("baseline").GetString());
        Assert.Equal("iso_zone", all[0].GetProperty("details").GetProperty("score_source").GetString());

        Assert.Equal(AssetHealthScoring.LearningVersion, all[HealthyWindows - 1].GetProperty("modelVersion").GetString());

        // Window 60 is the first scored against the baseline fitted from windows 1–60 (registered as version 1).
        var scored = all[HealthyWindows];
        Assert.Equal("1", scored.GetProperty("modelVersion").GetString());
        Assert.Equal("learned from 60 windows", scored.GetProperty("details").GetProperty("baseline").GetString());
        var faulty = all.Skip(HealthyWindows).ToList();
        Assert.All(faulty, prediction => Assert.Equal("anomaly", prediction.GetProperty("label").GetString()));
        Assert.All(faulty, prediction => Assert.True(prediction.GetProperty("value").GetDouble() < 50));
        var drivers = faulty[^1].GetProperty("details").GetProperty("drivers").EnumerateArray().Select(driver => driver.GetProperty("feature").GetString()).ToList();
        Assert.Contains(drivers, feature => feature!.Contains("env", StringComparison.Ordinal));

        var latest = await fixture.Http.GetJsonAsync($"{PumpPath}/predictions/latest");
        var latestAnomaly = Assert.Single(latest.EnumerateArray(), prediction => prediction.GetProperty("kind").GetString() == "anomaly");
        Assert.Equal("anomaly", latestAnomaly.GetProperty("label").GetString());

        // Beside it the trend-extrapolation RUL: time until velocity RMS reaches this group 2 rigid pump's C/D boundary, 4.5 mm/s.
        var latestRul = Assert.Single(latest.EnumerateArray(), prediction => prediction.GetProperty("kind").GetString() == "rul");
        Assert.Equal(AssetHealthScoring.RulModelName, latestRul.GetProperty("modelName").GetString());
        Assert.Equal(4.5, latestRul.GetProperty("details").GetProperty("threshold_mm_per_second").GetDouble(), 3);
        Assert.Contains(latestRul.GetProperty("label").GetString(), new[] { "degrading", "not_degrading", "at_or_above_threshold" });

        var alarms = await fixture.Http.GetJsonAsync($"{TenantPath}/alarms?asset={ApiTestServer.Asset}&active=true");
        var anomalyAlarm = Assert.Single(alarms.EnumerateArray(), alarm => alarm.GetProperty("conditionKey").GetString() == AssetHealthScoring.AlarmCondition);
        Assert.Equal("cloud", anomalyAlarm.GetProperty("origin").GetString());
        Assert.Contains("drivers", anomalyAlarm.GetProperty("message").GetString(), StringComparison.Ordinal);

        // The baseline is a registry entry: version 1, promoted by scoring; roll back (none left) and promote it again.
        var models = await fixture.Http.GetJsonAsync($"{TenantPath}/models?site={ApiTestServer.Site}&asset={ApiTestServer.Asset}");
        var baseline = Assert.Single(models.EnumerateArray());
        Assert.Equal((AssetHealthScoring.BaselineModelName, 1, true), (baseline.GetProperty("name").GetString(), baseline.GetProperty("version").GetInt32(), baseline.GetProperty("isPromoted").GetBoolean()));
        Assert.Equal(60, baseline.GetProperty("metrics").GetProperty("windows").GetInt32());
        var modelId = baseline.GetProperty("modelId").GetInt64();

        using var rollBack = await fixture.Http.PostAsJsonAsync($"{TenantPath}/models/rollback", new { by = "kim", name = AssetHealthScoring.BaselineModelName, site = ApiTestServer.Site, asset = ApiTestServer.Asset }, cancellation);
        Assert.Equal(HttpStatusCode.NoContent, rollBack.StatusCode);
        using var rollBackAgain = await fixture.Http.PostAsJsonAsync($"{TenantPath}/models/rollback", new { by = "kim", name = AssetHealthScoring.BaselineModelName, site = ApiTestServer.Site, asset = ApiTestServer.Asset }, cancellation);
        Assert.Equal(HttpStatusCode.NotFound, rollBackAgain.StatusCode);
        using var promote = await fixture.Http.PostAsJsonAsync($"{TenantPath}/models/{modelId}/promote", new { by = "kim" }, cancellation);
        Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        using var noActor = await fixture.Http.PostAsJsonAsync($"{TenantPath}/models/{modelId}/promote", new { note = "x" }, cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, noActor.StatusCode);
        var history = await fixture.Http.GetJsonAsync($"{TenantPath}/models/{modelId}/promotions");
        Assert.Equal(["promote", "rollback", "promote"], history.EnumerateArray().Select(entry => entry.GetProperty("action").GetString()));
        Assert.Equal(["scoring", "kim", "kim"], history.EnumerateArray().Select(entry => entry.GetProperty("by").GetString()));

        await fixture.Http.GetJsonAsync($"/api/v1/tenants/{ApiTestServer.OtherTenant}/models/{modelId}", HttpStatusCode.NotFound);
        await fixture.Http.GetJsonAsync($"{PumpPath}/predictions?{range}&kind=health", HttpStatusCode.BadRequest);

        var metrics = await fixture.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellation);
        Assert.Contains($"\nretrosense_scoring_windows_scored_total {HealthyWindows + FaultyWindows}\n", metrics, StringComparison.Ordinal);
        Assert.Contains("\nretrosense_scoring_windows_dropped_total 0\n", metrics, StringComparison.Ordinal);
    }
}
