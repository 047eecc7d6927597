using System.Text;
using Retrosense.Node.StoreAndForward;

namespace Retrosense.Node.Core.Tests.StoreAndForward;

public class StoreAndForwardRestoreTests
{
    private const string Prefix = "sfq/";

    private static StoreAndForwardQueue Queue(InMemoryPersistentStore store, RecordingNodeLog? log = null, int capacity = 4) =>
        new(capacity, 128, store, Prefix, log);

    private static void Enqueue(StoreAndForwardQueue queue, int number)
    {
        var payload = Encoding.UTF8.GetBytes("msg-" + number);
        Assert.True(queue.Enqueue(number % 3, payload, payload.Length));
    }

    private static string[] Contents(StoreAndForwardQueue queue)
    {
        var texts = new string[queue.Count];
        var buffer = new byte[queue.SlotBytes];
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(queue.TryPeek(buffer, out var topicIndex, out var length));
            texts[i] = Encoding.UTF8.GetString(buffer, 0, length);
            Assert.Equal(int.Parse(texts[i].Substring(4), System.Globalization.CultureInfo.InvariantCulture) % 3, topicIndex);
            queue.RemoveOldest();
        }

        return texts;
    }

    [Fact]
    public void A_Queue_Comes_Back_After_A_Reset_With_The_Same_Messages_In_Order()
    {
        var store = new InMemoryPersistentStore();
        var before = Queue(store);
        for (var i = 1; i <= 5; i++)
        {
            Enqueue(before, i);
        }

        before.RemoveOldest();

        var after = Queue(store);

        Assert.Equal(3, after.Count);
        Assert.Equal(1, after.DroppedCount);
        Assert.Equal(new[] { "msg-3", "msg-4", "msg-5" }, Contents(after));
    }

    [Fact]
    public void An_Acknowledged_And_Removed_Message_Does_Not_Come_Back()
    {
        var store = new InMemoryPersistentStore();
        var before = Queue(store);
        Enqueue(before, 1);
        Enqueue(before, 2);
        before.RemoveOldest();
        before.RemoveOldest();

        var after = Queue(store);

        Assert.Equal(0, after.Count);
    }

    [Fact]
    public void A_Reset_Between_Slot_And_Header_Write_Loses_Nothing_And_Keeps_Order()
    {
        var store = new InMemoryPersistentStore();
        var before = Queue(store);
        Enqueue(before, 1);
        Enqueue(before, 2);

        // The next enqueue writes its slot, then the power goes before the header.
        store.CutPowerAfterWrites(1);
        Enqueue(before, 3);
        store.RestorePower();

        var after = Queue(store);

        Assert.Equal(new[] { "msg-1", "msg-2", "msg-3" }, Contents(after));
    }

    [Fact]
    public void A_Reset_Between_Slot_And_Header_Write_On_A_Full_Queue_Finishes_The_Drop()
    {
        var store = new InMemoryPersistentStore();
        var before = Queue(store);
        for (var i = 1; i <= 4; i++)
        {
            Enqueue(before, i);
        }

        store.CutPowerAfterWrites(1);
        Enqueue(before, 5);
        store.RestorePower();

        var after = Queue(store);

        Assert.Equal(1, after.DroppedCount);
        Assert.Equal(new[] { "msg-2", "msg-3", "msg-4", "msg-5" }, Contents(after));
    }

    [Fact]
    public void A_Reset_Before_The_Slot_Write_Loses_Only_The_Message_Being_Added()
    {
        var store = new InMemoryPersistentStore();
        var before = Queue(store);
        for (var i = 1; i <= 4; i++)
        {
            Enqueue(before, i);
        }

        store.CutPowerAfterWrites(0);
        Enqueue(before, 5);
        store.RestorePower();

        var after = Queue(store);

        Assert.Equal(new[] { "msg-1", "msg-2", "msg-3", "msg-4" }, Contents(after));
    }

    [Fact]
    public void A_Reset_Before_The_Header_Write_Of_A_Removal_Replays_The_Message_Once_More()
    {
        var store = new InMemoryPersistentStore();
        var before = Queue(store);
        Enqueue(before, 1);
        Enqueue(before, 2);

        store.CutPowerAfterWrites(0);
        before.RemoveOldest();
        store.RestorePower();

        var after = Queue(store);

        Assert.Equal(new[] { "msg-1", "msg-2" }, Contents(after));
    }

    [Fact]
    public void Stale_Slots_From_An_Earlier_Lap_Are_Not_Taken_Back()
    {
        var store = new InMemoryPersistentStore();
        var before = Queue(store);
        for (var i = 1; i <= 6; i++)
        {
            Enqueue(before, i);
        }

        for (var i = 0; i < 4; i++)
        {
            before.RemoveOldest();
        }

        Enqueue(before, 7);

        var after = Queue(store);

        Assert.Equal(new[] { "msg-7" }, Contents(after));
    }

    [Fact]
    public void A_Corrupt_Header_Starts_An_Empty_Queue_With_A_Logged_Reason()
    {
        var store = new InMemoryPersistentStore();
        var before = Queue(store);
        Enqueue(before, 1);
        Enqueue(before, 2);
        store.CorruptByte(Prefix + "h", 16);
        var log = new RecordingNodeLog();

        var after = Queue(store, log);

        Assert.Equal(0, after.Count);
        Assert.Contains(log.Warnings, line => line.Contains("corrupt", System.StringComparison.Ordinal));
        Assert.False(store.Contains(Prefix + "0"));
        Assert.Equal(0, Queue(store).Count);
    }

    [Fact]
    public void A_Corrupt_Slot_Ends_The_Restored_Queue_There_And_Counts_The_Loss()
    {
        var store = new InMemoryPersistentStore();
        var before = Queue(store);
        for (var i = 1; i <= 4; i++)
        {
            Enqueue(before, i);
        }

        store.CorruptByte(Prefix + "2", StoreAndForwardQueue.SlotHeaderBytes + 1);
        var log = new RecordingNodeLog();

        var after = Queue(store, log);

        Assert.Equal(2, after.DroppedCount);
        Assert.Single(log.Warnings);
        Assert.Equal(new[] { "msg-1", "msg-2" }, Contents(after));
    }

    [Fact]
    public void A_Queue_Saved_With_Another_Capacity_Starts_Empty()
    {
        var store = new InMemoryPersistentStore();
        var before = Queue(store, capacity: 6);
        for (var i = 1; i <= 6; i++)
        {
            Enqueue(before, i);
        }

        var log = new RecordingNodeLog();
        var after = Queue(store, log, capacity: 4);

        Assert.Equal(0, after.Count);
        Assert.Contains(log.Warnings, line => line.Contains("6 slots", System.StringComparison.Ordinal));
        Assert.False(store.Contains(Prefix + "5"));
    }

    [Fact]
    public void A_Store_Without_A_Queue_Starts_Empty_And_Saves_From_Then_On()
    {
        var store = new InMemoryPersistentStore();
        var log = new RecordingNodeLog();

        var first = Queue(store, log);
        Assert.Equal(0, first.Count);
        Assert.Contains(log.Warnings, line => line.Contains("no saved", System.StringComparison.Ordinal));
        Enqueue(first, 1);

        Assert.Equal(new[] { "msg-1" }, Contents(Queue(store)));
    }

    [Fact]
    public void Counters_Survive_A_Reset()
    {
        var store = new InMemoryPersistentStore();
        var before = Queue(store);
        for (var i = 1; i <= 6; i++)
        {
            Enqueue(before, i);
        }

        before.Enqueue(0, new byte[200], 200);

        var after = Queue(store);

        Assert.Equal(2, after.DroppedCount);
        Assert.Equal(1, after.OversizeCount);
    }
}
