using System;
using System.Linq;
using System.Threading.Tasks;
using Retrosense.Platform.Ingestion;
using Retrosense.Storage.Tests.Backends;

namespace Retrosense.Storage.Tests.Ingestion;

/// <summary>Node activity and the batch result's stored messages, kept by the ingestion batch write; run against every adapter.</summary>
public abstract class NodeActivityTests : StoreTestBase
{
    private const string GoldenNode = "n-001";

    protected NodeActivityTests(StoreBackend backend)
        : base(backend)
    {
    }

    [Fact]
    public async Task Activity_Follows_The_Latest_Batch_But_Never_Moves_The_Message_Time_Backwards()
    {
        await ProvisionGoldenNodeAsync(GoldenNode, 1);
        var now = GoldenNodeMessages.NewestGoldenTimestamp;
        await Store.Ingestion.WriteBatchAsync([GoldenNodeMessages.Telemetry(10, now, 3.0)]);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var replayedStatus = GoldenNodeMessages.DecodeVariant("status.json", seq: 11, now.AddHours(-1), historical: true);

        await Store.Ingestion.WriteBatchAsync([replayedStatus]);

        var activity = Assert.Single(await Store.Ingestion.ListNodeActivityAsync());
        Assert.Equal(
            new NodeActivity(GoldenNodeMessages.Tenant, GoldenNodeMessages.Site, GoldenNodeMessages.Asset, GoldenNode, Start.AddMinutes(5), now, "status", replayedStatus.Message.Boot),
            activity);
    }

    [Fact]
    public async Task Only_Nodes_With_An_Active_Registration_Are_Listed()
    {
        await ProvisionGoldenNodeAsync(GoldenNode, 1);
        var now = GoldenNodeMessages.NewestGoldenTimestamp;
        Assert.Empty(await Store.Ingestion.ListNodeActivityAsync());

        var unregistered = GoldenNodeMessages.DecodeVariant("telemetry.json", 1, now, historical: false, json => json["node"] = "n-unknown");
        await Store.Ingestion.WriteBatchAsync([GoldenNodeMessages.Telemetry(1, now, 3.0), unregistered]);
        var before = await Store.Ingestion.ListNodeActivityAsync();
        await Store.Registry.RevokeNodeAsync(GoldenNodeMessages.Tenant, GoldenNode, "board replaced");

        Assert.Equal([GoldenNode], before.Select(activity => activity.NodeId));
        Assert.Empty(await Store.Ingestion.ListNodeActivityAsync());
    }

    [Fact]
    public async Task The_Batch_Result_Lists_The_Newly_Stored_Messages_In_Batch_Order()
    {
        var now = GoldenNodeMessages.NewestGoldenTimestamp;
        var old = GoldenNodeMessages.Telemetry(1, now.AddSeconds(-10), 3.0);
        await Store.Ingestion.WriteBatchAsync([old]);
        var second = GoldenNodeMessages.Telemetry(3, now, 3.0);
        var first = GoldenNodeMessages.Telemetry(2, now.AddSeconds(-5), 3.0);

        var result = await Store.Ingestion.WriteBatchAsync([second, old, first, second]);

        Assert.Equal((2, 2), (result.StoredCount, result.DuplicateCount));
        Assert.Equal([3L, 2L], result.StoredMessages.Select(message => message.Message.Seq));
    }

    [Fact]
    public async Task The_Payload_Is_Stored_As_The_Node_Sent_It()
    {
        var sent = GoldenNodeMessages.Decode("telemetry.json");

        await Store.Ingestion.WriteBatchAsync([sent]);

        var stored = (string?)await Backend.QueryScalarAsync(Options, "SELECT payload FROM node_messages");
        Assert.False(sent.PayloadUtf8.IsEmpty);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(GoldenNodeMessages.Payload("telemetry.json")), stored);
    }
}
