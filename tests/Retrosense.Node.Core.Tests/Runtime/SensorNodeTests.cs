using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Retrosense.Node.Core.Tests.StoreAndForward;
using Retrosense.Node.Runtime;

namespace Retrosense.Node.Core.Tests.Runtime;

public class SensorNodeTests
{
    private const string ValidConfig =
        """{"schema":1,"kind":"config","config_version":7,"sample_rate_hz":1600,"window_samples":2048,"velocity_band_hz":[10,700],"heartbeat_s":60}""";

    [Fact]
    public void Connect_Publishes_Birth_Then_The_First_Window_Publishes_Telemetry()
    {
        var harness = new SensorNodeHarness();
        harness.StartAndConnect();
        harness.RunWindows(1);

        var all = harness.AllMessages();
        Assert.Equal("birth", all[0].GetProperty("kind").GetString());
        Assert.Equal("esp32", all[0].GetProperty("board").GetString());
        var telemetry = Assert.Single(harness.Messages("telemetry"));
        Assert.Equal(1, telemetry.GetProperty("boot").GetInt64());
        Assert.False(telemetry.GetProperty("historical").GetBoolean());
        Assert.Equal("A", telemetry.GetProperty("zone").GetString());
        // 0.03 g peak at 50 Hz: 0.03 × 9.80665 / (2π × 50 × √2) × 1000 = 0.662 mm/s.
        Assert.InRange(telemetry.GetProperty("axes").GetProperty("x").GetProperty("vel_rms_mm_s").GetSingle(), 0.64f, 0.69f);
        Assert.True(telemetry.GetProperty("env").GetProperty("temp_c").GetProperty("mean").GetSingle() > 24f);
    }

    [Fact]
    public void A_Steady_Machine_Sends_Only_Heartbeats()
    {
        var harness = new SensorNodeHarness();
        harness.StartAndConnect();
        harness.RunWindows(500); // 500 × 1.28 s = 640 s; the default heartbeat is 300 s

        var telemetry = harness.Messages("telemetry");
        Assert.Equal(3, telemetry.Count); // the first window, then at 300 s and 600 s
        var seconds = telemetry.Select(t => (t.GetProperty("ts").GetInt64() - ManualClock.StartUtcMilliseconds) / 1000.0).ToArray();
        Assert.InRange(seconds[1] - seconds[0], 300, 302);
        Assert.InRange(seconds[2] - seconds[1], 300, 302);
        Assert.Single(harness.Messages("status")); // the status interval is 600 s
        Assert.Empty(harness.Messages("alarm"));
    }

    [Fact]
    public void A_Step_In_Vibration_Raises_A_Zone_Alarm_And_Reports_At_Once()
    {
        var harness = new SensorNodeHarness();
        harness.StartAndConnect();
        harness.RunWindows(3);
        var before = harness.Messages("telemetry").Count;

        harness.Accelerometer.AmplitudeG = 0.15f; // 3.3 mm/s: zone C for group 2, rigid (2.8–4.5 mm/s)
        harness.RunWindows(1);

        var alarm = Assert.Single(harness.Messages("alarm"));
        Assert.Equal("zone", alarm.GetProperty("alarm").GetProperty("source").GetString());
        Assert.Equal("raised", alarm.GetProperty("alarm").GetProperty("state").GetString());
        Assert.Equal("C", alarm.GetProperty("alarm").GetProperty("zone").GetString());
        Assert.Equal(before + 1, harness.Messages("telemetry").Count);
        Assert.Equal("C", harness.Messages("telemetry").Last().GetProperty("zone").GetString());
    }

    [Fact]
    public void A_Valid_Config_Is_Applied_Acknowledged_And_Survives_A_Reset()
    {
        var store = new InMemoryPersistentStore();
        var harness = new SensorNodeHarness(store);
        harness.StartAndConnect();
        harness.SendConfig(ValidConfig);

        var ack = Assert.Single(harness.Messages("config-ack"));
        Assert.True(ack.GetProperty("accepted").GetBoolean(), ack.ToString());
        Assert.Equal(7, ack.GetProperty("config_version").GetInt32());
        Assert.Equal(7, harness.Node.Config.ConfigVersion);
        Assert.Equal(2048, harness.Node.Config.WindowSamples);
        Assert.Equal(1600f, harness.Accelerometer.SampleRateHz);

        var rebooted = new SensorNodeHarness(store);
        rebooted.StartAndConnect();
        Assert.Equal(2, rebooted.Node.BootCount);
        Assert.Equal(7, rebooted.Node.Config.ConfigVersion);
        Assert.Equal(7, rebooted.Messages("birth").Single().GetProperty("config_version").GetInt32());
    }

    [Fact]
    public void An_Invalid_Config_Is_Rejected_With_Its_Reason_And_The_Old_One_Stays()
    {
        var harness = new SensorNodeHarness();
        harness.StartAndConnect();
        harness.SendConfig("""{"schema":1,"kind":"config","config_version":8,"window_samples":1000}""");

        var ack = Assert.Single(harness.Messages("config-ack"));
        Assert.False(ack.GetProperty("accepted").GetBoolean());
        Assert.Equal(8, ack.GetProperty("config_version").GetInt32());
        Assert.Contains("WindowSamples", ack.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, harness.Node.Config.ConfigVersion);
        Assert.Equal(4096, harness.Node.Config.WindowSamples);
        Assert.False(harness.Store.Contains(SensorNode.ConfigKey));
    }

    [Fact]
    public void A_Malformed_Config_Is_Rejected_And_The_Node_Keeps_Running()
    {
        var harness = new SensorNodeHarness();
        harness.StartAndConnect();
        harness.SendConfig("""{"schema":1,"kind":"config","config_version":""");
        harness.RunWindows(1);

        var ack = Assert.Single(harness.Messages("config-ack"));
        Assert.False(ack.GetProperty("accepted").GetBoolean());
        Assert.Equal(0, ack.GetProperty("config_version").GetInt32());
        Assert.Single(harness.Messages("telemetry"));
    }

    [Fact]
    public void A_Config_Message_Larger_Than_The_Node_Accepts_Is_Rejected_Without_Reading_It()
    {
        var harness = new SensorNodeHarness();
        harness.StartAndConnect();
        var huge = new byte[SensorNode.MaxConfigMessageBytes + 1];
        harness.Node.OnConfigMessage(huge, huge.Length);
        harness.Node.Poll();

        var ack = Assert.Single(harness.Messages("config-ack"));
        Assert.Contains("larger than", ack.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_Outage_Loses_Nothing_And_Replays_In_Order_As_Historical()
    {
        var harness = new SensorNodeHarness();
        harness.StartAndConnect();
        harness.SendConfig("""{"schema":1,"kind":"config","config_version":2,"heartbeat_s":1}""");
        harness.RunWindows(3);

        harness.Transport.IsConnected = false;
        harness.RunWindows(10);
        Assert.Equal(10, harness.Node.QueueDepth);

        harness.Transport.IsConnected = true;
        harness.Node.OnConnected();
        harness.RunWindows(2);

        Assert.Equal(0, harness.Node.QueueDepth);
        var telemetry = harness.Messages("telemetry");
        Assert.Equal(15, telemetry.Count);
        var all = harness.AllMessages();
        var seqs = all.Select(m => m.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(0, seqs.Count).Select(i => (long)i), seqs.OrderBy(s => s)); // every seq arrived once
        Assert.Equal(harness.Node.ProducedCount, seqs.Count);
        var nonBirthSeqs = all.Where(m => m.GetProperty("kind").GetString() != "birth").Select(m => m.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal(nonBirthSeqs.OrderBy(s => s), nonBirthSeqs); // replays kept their order; birth goes ahead of the queue
        var historical = telemetry.Select(t => t.GetProperty("historical").GetBoolean()).ToArray();
        Assert.Equal(new[] { false, false, false }, historical[..3]);
        Assert.All(historical[3..13], Assert.True);
        Assert.Equal(new[] { false, false }, historical[13..]);
    }

    [Fact]
    public void The_Last_Will_Takes_The_Seq_Before_Birth()
    {
        var harness = new SensorNodeHarness();
        harness.Node.Start();
        var buffer = new byte[256];
        var length = harness.Node.EncodeLastWill(buffer);
        harness.Node.OnConnected();
        harness.Node.Poll();

        using var death = JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, length));
        Assert.Equal("death", death.RootElement.GetProperty("kind").GetString());
        var birth = harness.Messages("birth").Single();
        Assert.Equal(death.RootElement.GetProperty("seq").GetInt64() + 1, birth.GetProperty("seq").GetInt64());
        Assert.Equal(SensorNodeHarness.TopicOf("death"), harness.Node.DeathTopic);
        Assert.Equal(SensorNodeHarness.TopicOf("config"), harness.Node.ConfigTopic);
    }

    [Fact]
    public void Steady_State_Polling_Allocates_Nothing()
    {
        var harness = new SensorNodeHarness();
        harness.Transport.RecordMessages = false;
        harness.StartAndConnect();
        harness.RunWindows(3);

        var before = GC.GetAllocatedBytesForCurrentThread();
        harness.RunWindows(20);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(23, harness.Node.WindowCount);
    }

    [Fact]
    public void A_Node_With_An_Invalid_Id_Fails_At_Construction()
    {
        var error = Assert.Throws<ArgumentException>(() => new SensorNode(
            new NodeIdentity("acme", "plant-1", "press-3", "bad/id", "esp32", "0.1.0"),
            new ManualClock(), new ScriptedAccelerometer(), new FixedEnvironmentSensor(), new FakeMessageTransport(),
            new InMemoryPersistentStore(), new RecordingNodeLog(), new FixedDiagnostics()));
        Assert.Contains("bad/id", error.Message, StringComparison.Ordinal);
    }
}
