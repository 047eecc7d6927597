using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Retrosense.Contracts;
using Retrosense.Platform.Credentials;
using static Retrosense.Server.Tests.Api.ApiResponses;

namespace Retrosense.Server.Tests.Api;

/// <summary>
/// End to end through the embedded broker: what a node publishes shows in the API. Its own server (not the shared
/// collection's), because publishing changes the counts the other API tests assert.
/// </summary>
public sealed class LiveDataApiTests(ApiTestServer fixture) : IClassFixture<ApiTestServer>
{
    private static readonly string PumpPath = $"/api/v1/tenants/{ApiTestServer.Tenant}/sites/{ApiTestServer.Site}/assets/{ApiTestServer.Asset}";

    [Fact]
    public async Task A_Published_Window_Is_In_The_Api_Once_Its_Puback_Arrives_And_A_Malformed_One_Is_In_Quarantine()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var password = await fixture.RequireService<INodeCredentialStore>().IssuePasswordAsync(ApiTestServer.Tenant, ApiTestServer.Node, cancellation);
        var broker = await fixture.Server.GetBrokerAddressAsync(cancellation);
        var quarantinedBefore = (await fixture.Http.GetJsonAsync($"/api/v1/tenants/{ApiTestServer.Tenant}/quarantine/count")).GetProperty("count").GetInt64();
        var sentAt = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var topic = TopicPath.Build(ApiTestServer.Tenant, ApiTestServer.Site, ApiTestServer.Asset, ApiTestServer.Node, "telemetry");

        using var node = new MqttClientFactory().CreateMqttClient();
        await node.ConnectAsync(
            new MqttClientOptionsBuilder()
                .WithTcpServer(broker.Host, broker.Port)
                .WithClientId(nameof(A_Published_Window_Is_In_The_Api_Once_Its_Puback_Arrives_And_A_Malformed_One_Is_In_Quarantine)[..40])
                .WithCredentials(ApiTestServer.Tenant + ":" + ApiTestServer.Node, password)
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .Build(),
            cancellation);
        var valid = await node.PublishAsync(Qos1(topic, ApiTestMessages.TelemetryPayload(ApiTestServer.Node, 5000, sentAt, 7.25, 31.5)), cancellation);
        var malformed = await node.PublishAsync(Qos1(topic, Encoding.UTF8.GetBytes("{\"schema\":1,\"kind\":")), cancellation);
        await node.DisconnectAsync(cancellationToken: cancellation);

        Assert.Equal(MqttClientPublishReasonCode.Success, valid.ReasonCode);

        // The broker acknowledges only after the commit, so no waiting: the window is readable the moment PUBACK arrived.
        var windows = await fixture.Http.GetJsonAsync($"{PumpPath}/telemetry?from={Iso(sentAt.AddMinutes(-5))}&to={Iso(sentAt.AddMinutes(5))}");
        var window = Assert.Single(windows.EnumerateArray());
        Assert.Equal(5000, window.GetProperty("seq").GetInt64());
        Assert.Equal(sentAt, window.GetUtcTime("timestampUtc"));
        Assert.Equal(7.25, window.GetProperty("velocityRmsMaxMmPerSecond").GetDouble());

        var nodes = await fixture.Http.GetJsonAsync($"/api/v1/tenants/{ApiTestServer.Tenant}/nodes?asset={ApiTestServer.Asset}");
        var active = nodes.EnumerateArray().Single(candidate => candidate.GetProperty("status").GetString() == "provisioned");
        Assert.Equal(sentAt, active.GetUtcTime("lastMessageAtUtc"));

        // The malformed one was received too (its PUBACK says so) and is quarantined with the decoder's reason.
        Assert.NotEqual(MqttClientPublishReasonCode.UnspecifiedError, malformed.ReasonCode);
        var quarantine = await fixture.Http.GetJsonAsync($"/api/v1/tenants/{ApiTestServer.Tenant}/quarantine?limit=1");
        Assert.Equal(quarantinedBefore + 1, quarantine.GetProperty("totalCount").GetInt64());
        var rejected = Assert.Single(quarantine.GetProperty("messages").EnumerateArray());
        Assert.Equal("malformed_json", rejected.GetProperty("reasonCode").GetString());
        Assert.Equal(topic, rejected.GetProperty("topic").GetString());

        var metrics = await fixture.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellation);
        Assert.Contains("\nretrosense_ingest_messages_stored_total 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("\nretrosense_ingest_messages_quarantined_total 1\n", metrics, StringComparison.Ordinal);
        var health = await fixture.Http.GetJsonAsync("/health");
        Assert.Equal("healthy", health.GetProperty("status").GetString());
    }

    private static MqttApplicationMessage Qos1(string topic, byte[] payload) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
}
