using System;
using System.Text;
using Retrosense.Node.StoreAndForward;

namespace Retrosense.Node.Core.Tests.StoreAndForward;

/// <summary>
/// Drives the publisher the way the node does: encode with historical=false, try the direct send, and when that is not
/// possible re-encode with historical=true (same seq) and queue it. The "encoder" here writes a small JSON text with a
/// marker, which stands in for the wire encoder.
/// </summary>
public class StoreAndForwardPublisherTests
{
    private static readonly string[] Topics =
    {
        "retrosense/v1/acme/plant1/pump7/node42/telemetry",
        "retrosense/v1/acme/plant1/pump7/node42/alarm",
    };

    private readonly byte[] _buffer = new byte[256];

    private int Encode(int seq, bool historical)
    {
        var text = "{\"seq\":" + seq + ",\"marker\":\"msg-" + seq + "\"" + (historical ? ",\"historical\":true" : string.Empty) + "}";
        return Encoding.UTF8.GetBytes(text, 0, text.Length, _buffer, 0);
    }

    private void Send(StoreAndForwardPublisher publisher, int seq, int topicIndex = 0)
    {
        var length = Encode(seq, historical: false);
        if (!publisher.TryPublishDirect(topicIndex, _buffer, length))
        {
            length = Encode(seq, historical: true);
            publisher.Enqueue(topicIndex, _buffer, length);
        }
    }

    [Fact]
    public void While_Connected_Messages_Go_Straight_Out_Without_The_Historical_Flag()
    {
        var transport = new FakeMessageTransport { IsConnected = true };
        var publisher = new StoreAndForwardPublisher(new StoreAndForwardQueue(8, 256), transport, Topics);

        Send(publisher, 1);
        Send(publisher, 2, topicIndex: 1);

        Assert.Equal(2, transport.Acknowledged.Count);
        Assert.Equal(Topics[0], transport.Acknowledged[0].Topic);
        Assert.Equal(Topics[1], transport.Acknowledged[1].Topic);
        Assert.DoesNotContain("historical", transport.Acknowledged[0].Payload, StringComparison.Ordinal);
        Assert.Equal(0, publisher.Queue.Count);
    }

    [Fact]
    public void An_Outage_Shorter_Than_The_Capacity_Loses_Nothing_And_Keeps_The_Order()
    {
        var transport = new FakeMessageTransport { IsConnected = true };
        var publisher = new StoreAndForwardPublisher(new StoreAndForwardQueue(16, 256), transport, Topics);
        Send(publisher, 1);

        transport.IsConnected = false;
        for (var seq = 2; seq <= 11; seq++)
        {
            Send(publisher, seq);
        }

        Assert.Equal(10, publisher.Queue.Count);
        transport.IsConnected = true;
        Send(publisher, 12);

        Assert.Equal(12, transport.Acknowledged.Count);
        for (var i = 0; i < 12; i++)
        {
            var seq = i + 1;
            var payload = transport.Acknowledged[i].Payload;
            Assert.Contains("\"marker\":\"msg-" + seq + "\"", payload, StringComparison.Ordinal);
            var replayed = seq >= 2 && seq <= 11;
            Assert.Equal(replayed, payload.Contains("\"historical\":true", StringComparison.Ordinal));
        }

        Assert.Equal(0, publisher.Queue.Count);
        Assert.Equal(0, publisher.Queue.DroppedCount);
    }

    [Fact]
    public void An_Outage_Beyond_The_Capacity_Drops_The_Oldest_Messages_And_Counts_Them()
    {
        var transport = new FakeMessageTransport { IsConnected = false };
        var publisher = new StoreAndForwardPublisher(new StoreAndForwardQueue(4, 256), transport, Topics);
        for (var seq = 1; seq <= 10; seq++)
        {
            Send(publisher, seq);
        }

        transport.IsConnected = true;
        var delivered = publisher.Drain();

        Assert.Equal(4, delivered);
        Assert.Equal(6, publisher.Queue.DroppedCount);
        Assert.Equal(
            new[] { "msg-7", "msg-8", "msg-9", "msg-10" },
            transport.Acknowledged.ConvertAll(m => m.Payload.Split('"')[5]).ToArray());
    }

    [Fact]
    public void A_Failed_Publish_Keeps_The_Message_For_The_Next_Drain()
    {
        var transport = new FakeMessageTransport { IsConnected = false };
        var publisher = new StoreAndForwardPublisher(new StoreAndForwardQueue(8, 256), transport, Topics);
        for (var seq = 1; seq <= 3; seq++)
        {
            Send(publisher, seq);
        }

        transport.IsConnected = true;
        transport.FailNextPublishes(1);

        Assert.Equal(0, publisher.Drain());
        Assert.Equal(3, publisher.Queue.Count);
        Assert.Equal(1, publisher.FailedPublishCount);

        Assert.Equal(3, publisher.Drain());
        Assert.Contains("msg-1", transport.Acknowledged[0].Payload, StringComparison.Ordinal);
    }

    [Fact]
    public void A_New_Message_Waits_Behind_The_Queue_When_The_Drain_Fails()
    {
        var transport = new FakeMessageTransport { IsConnected = false };
        var publisher = new StoreAndForwardPublisher(new StoreAndForwardQueue(8, 256), transport, Topics);
        Send(publisher, 1);
        transport.IsConnected = true;
        transport.FailNextPublishes(1);

        Send(publisher, 2);

        Assert.Empty(transport.Acknowledged);
        Assert.Equal(2, publisher.Queue.Count);
        publisher.Drain();
        Assert.Contains("msg-1", transport.Acknowledged[0].Payload, StringComparison.Ordinal);
        Assert.Contains("msg-2", transport.Acknowledged[1].Payload, StringComparison.Ordinal);
        Assert.Contains("\"historical\":true", transport.Acknowledged[1].Payload, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Failed_Direct_Publish_Is_Queued_As_Historical()
    {
        var transport = new FakeMessageTransport { IsConnected = true };
        var publisher = new StoreAndForwardPublisher(new StoreAndForwardQueue(8, 256), transport, Topics);
        transport.FailNextPublishes(1);

        Send(publisher, 1);

        Assert.Equal(1, publisher.Queue.Count);
        Assert.Equal(1, publisher.Drain());
        Assert.Contains("\"historical\":true", transport.Acknowledged[0].Payload, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Queued_Message_With_An_Unknown_Topic_Index_Is_Dropped_Instead_Of_Blocking_The_Queue()
    {
        var transport = new FakeMessageTransport { IsConnected = false };
        var publisher = new StoreAndForwardPublisher(new StoreAndForwardQueue(8, 256), transport, Topics);
        Send(publisher, 1, topicIndex: 5);
        Send(publisher, 2);

        transport.IsConnected = true;

        Assert.Equal(1, publisher.Drain());
        Assert.Equal(1, publisher.UndeliverableCount);
        Assert.Contains("msg-2", transport.Acknowledged[0].Payload, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_Is_Published_While_Disconnected()
    {
        var transport = new FakeMessageTransport { IsConnected = false };
        var publisher = new StoreAndForwardPublisher(new StoreAndForwardQueue(8, 256), transport, Topics);
        Send(publisher, 1);

        Assert.Equal(0, publisher.Drain());
        Assert.Equal(0, transport.PublishAttempts);
    }

    [Fact]
    public void A_Queue_Restored_After_A_Reset_Is_Replayed_In_Order()
    {
        var store = new InMemoryPersistentStore();
        var transport = new FakeMessageTransport { IsConnected = false };
        var beforeReset = new StoreAndForwardPublisher(new StoreAndForwardQueue(8, 256, store, "sfq/", null), transport, Topics);
        for (var seq = 1; seq <= 5; seq++)
        {
            Send(beforeReset, seq);
        }

        var afterReset = new StoreAndForwardPublisher(new StoreAndForwardQueue(8, 256, store, "sfq/", null), transport, Topics);
        transport.IsConnected = true;

        Assert.Equal(5, afterReset.Drain());
        for (var i = 0; i < 5; i++)
        {
            Assert.Contains("\"marker\":\"msg-" + (i + 1) + "\"", transport.Acknowledged[i].Payload, StringComparison.Ordinal);
            Assert.Contains("\"historical\":true", transport.Acknowledged[i].Payload, StringComparison.Ordinal);
        }

        Assert.Equal(0, new StoreAndForwardQueue(8, 256, store, "sfq/", null).Count);
    }

    [Fact]
    public void Enqueue_And_Drain_Allocate_Nothing_In_Steady_State()
    {
        var transport = new FakeMessageTransport { IsConnected = false, RecordMessages = false };
        var store = new InMemoryPersistentStore();
        var publisher = new StoreAndForwardPublisher(new StoreAndForwardQueue(8, 256, store, "sfq/", null), transport, Topics);
        var length = Encode(1, historical: true);
        for (var i = 0; i < 20; i++)
        {
            publisher.Enqueue(0, _buffer, length);
        }

        transport.IsConnected = true;
        publisher.Drain();
        publisher.TryPublishDirect(0, _buffer, length);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var delivered = 0;
        for (var round = 0; round < 100; round++)
        {
            transport.IsConnected = false;
            for (var i = 0; i < 5; i++)
            {
                publisher.Enqueue(i % 2, _buffer, length);
            }

            transport.IsConnected = true;
            delivered += publisher.Drain();
            publisher.TryPublishDirect(1, _buffer, length);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(500, delivered);
    }
}
