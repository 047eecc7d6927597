using System;
using System.Text;
using Retrosense.Node.StoreAndForward;

namespace Retrosense.Node.Core.Tests.StoreAndForward;

public class StoreAndForwardQueueTests
{
    private static byte[] Message(int number) => Encoding.UTF8.GetBytes("{\"marker\":\"msg-" + number + "\"}");

    private static void Enqueue(StoreAndForwardQueue queue, int number, int topicIndex = 0)
    {
        var payload = Message(number);
        Assert.True(queue.Enqueue(topicIndex, payload, payload.Length));
    }

    private static string PeekText(StoreAndForwardQueue queue, out int topicIndex)
    {
        var buffer = new byte[queue.SlotBytes];
        Assert.True(queue.TryPeek(buffer, out topicIndex, out var length));
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static string[] DrainText(StoreAndForwardQueue queue)
    {
        var texts = new string[queue.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = PeekText(queue, out _);
            queue.RemoveOldest();
        }

        Assert.Equal(0, queue.Count);
        return texts;
    }

    private static string[] Expected(params int[] numbers) =>
        Array.ConvertAll(numbers, n => "{\"marker\":\"msg-" + n + "\"}");

    [Fact]
    public void Messages_Come_Out_Oldest_First_With_Their_Topic_Index()
    {
        var queue = new StoreAndForwardQueue(8, 256);
        Enqueue(queue, 1, topicIndex: 0);
        Enqueue(queue, 2, topicIndex: 3);

        Assert.Equal("{\"marker\":\"msg-1\"}", PeekText(queue, out var firstTopic));
        Assert.Equal(0, firstTopic);
        queue.RemoveOldest();
        Assert.Equal("{\"marker\":\"msg-2\"}", PeekText(queue, out var secondTopic));
        Assert.Equal(3, secondTopic);
    }

    [Fact]
    public void Peeking_Does_Not_Remove_The_Message()
    {
        var queue = new StoreAndForwardQueue(4, 256);
        Enqueue(queue, 1);

        PeekText(queue, out _);
        PeekText(queue, out _);

        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public void An_Empty_Queue_Has_Nothing_To_Peek()
    {
        var queue = new StoreAndForwardQueue(4, 256);

        Assert.False(queue.TryPeek(new byte[256], out _, out var length));
        Assert.Equal(0, length);
    }

    [Fact]
    public void Beyond_Capacity_The_Oldest_Messages_Are_Dropped_First_And_Counted()
    {
        var queue = new StoreAndForwardQueue(4, 256);
        for (var i = 1; i <= 7; i++)
        {
            Enqueue(queue, i);
        }

        Assert.Equal(4, queue.Count);
        Assert.Equal(3, queue.DroppedCount);
        Assert.Equal(Expected(4, 5, 6, 7), DrainText(queue));
    }

    [Fact]
    public void A_Message_Larger_Than_A_Slot_Is_Rejected_And_Counted()
    {
        var queue = new StoreAndForwardQueue(4, 32);
        Enqueue(queue, 1);
        var oversize = new byte[33];

        Assert.False(queue.Enqueue(0, oversize, oversize.Length));

        Assert.Equal(1, queue.OversizeCount);
        Assert.Equal(0, queue.DroppedCount);
        Assert.Equal(Expected(1), DrainText(queue));
    }

    [Fact]
    public void A_Message_Exactly_The_Slot_Size_Fits()
    {
        var queue = new StoreAndForwardQueue(2, 16);
        var payload = new byte[16];
        payload[15] = 42;

        Assert.True(queue.Enqueue(1, payload, 16));

        var buffer = new byte[16];
        Assert.True(queue.TryPeek(buffer, out _, out var length));
        Assert.Equal(16, length);
        Assert.Equal(42, buffer[15]);
    }

    [Fact]
    public void The_Ring_Wraps_Around_Many_Times_Without_Losing_Order()
    {
        var queue = new StoreAndForwardQueue(3, 64);
        var next = 1;
        var expected = 1;
        for (var round = 0; round < 20; round++)
        {
            Enqueue(queue, next++);
            Enqueue(queue, next++);
            Assert.Equal("{\"marker\":\"msg-" + expected++ + "\"}", PeekText(queue, out _));
            queue.RemoveOldest();
            Assert.Equal("{\"marker\":\"msg-" + expected++ + "\"}", PeekText(queue, out _));
            queue.RemoveOldest();
        }

        Assert.Equal(0, queue.Count);
        Assert.Equal(0, queue.DroppedCount);
    }

    [Fact]
    public void The_Recommended_Esp32_Queue_Preallocates_About_12_KiB()
    {
        var queue = new StoreAndForwardQueue(StoreAndForwardQueue.RecommendedEsp32Capacity, StoreAndForwardQueue.RecommendedSlotBytes);

        Assert.Equal(8 * (1536 + StoreAndForwardQueue.SlotHeaderBytes) + StoreAndForwardQueue.QueueHeaderBytes, queue.PreallocatedBytes);
        Assert.Equal(12_452, queue.PreallocatedBytes);
    }

    [Fact]
    public void Sixteen_Slots_Of_1536_Bytes_Preallocate_About_24_KiB()
    {
        Assert.Equal(24_868, new StoreAndForwardQueue(16, 1536).PreallocatedBytes);
    }

    [Fact]
    public void Construction_Allocates_The_Buffers_Plus_A_Small_Overhead_On_Dotnet()
    {
        var store = new InMemoryPersistentStore();
        new StoreAndForwardQueue(4, 64, store, "warm/", null).Enqueue(0, new byte[1], 1);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var queue = new StoreAndForwardQueue(16, 1536, store, "sfq/", null);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        TestContext.Current.SendDiagnosticMessage("16 x 1536 queue with store: " + allocated + " bytes allocated, " + queue.PreallocatedBytes + " in buffers");
        Assert.InRange(allocated, queue.PreallocatedBytes, queue.PreallocatedBytes + 4096);
    }

    [Fact]
    public void Enqueue_Peek_And_Remove_Allocate_Nothing_In_Steady_State()
    {
        var store = new InMemoryPersistentStore();
        var queue = new StoreAndForwardQueue(8, 512, store, "q/", null);
        var payload = Message(12345);
        var buffer = new byte[512];
        for (var i = 0; i < 20; i++)
        {
            queue.Enqueue(0, payload, payload.Length);
        }

        while (queue.TryPeek(buffer, out _, out _))
        {
            queue.RemoveOldest();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            queue.Enqueue(i % 2, payload, payload.Length);
            if (i % 3 == 0 && queue.TryPeek(buffer, out _, out _))
            {
                queue.RemoveOldest();
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(8, queue.Capacity);
        Assert.True(queue.DroppedCount > 0);
        Assert.True(queue.TryPeek(buffer, out _, out var length));
        Assert.Equal(payload, buffer.AsSpan(0, length).ToArray());
    }
}
