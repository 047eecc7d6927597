using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Retrosense.Node.Core.Tests.StoreAndForward;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Core.Tests.Firmware;

/// <summary>Behaviour of the device adapters that run unchanged on .NET (see <see cref="PortableAdapters"/>).</summary>
public class NanoAdapterBehaviourTests
{
    private const string Backoff = "Retrosense.Node.Nano.Messaging.ReconnectBackoff";
    private const string SettingsFile = "Retrosense.Node.Nano.Settings.NodeSettingsFile";
    private const string DataRate = "Retrosense.Node.Nano.Sensors.Adxl345DataRate";
    private const string ResetRecord = "Retrosense.Node.Nano.Diagnostics.ResetCauseRecord";
    private const string FileStore = "Retrosense.Node.Nano.Storage.FlashFileStore";

    [Fact]
    public void Reconnect_Delay_Starts_At_One_Second_Doubles_To_A_Two_Minute_Cap_And_Keeps_Half_Each_Step()
    {
        var expectedSteps = new[] { 1000, 2000, 4000, 8000, 16000, 32000, 64000, 120000, 120000, 120000 };
        var lastDelays = new HashSet<int>();
        for (var seed = 1; seed <= 50; seed++)
        {
            var backoff = Activator.CreateInstance(PortableAdapters.Type(Backoff), new Random(seed))!;
            foreach (var step in expectedSteps)
            {
                Assert.Equal(step, (int)PortableAdapters.Get(backoff, "CurrentStepMilliseconds")!);
                var delay = (int)PortableAdapters.Call(backoff, "NextDelayMilliseconds")!;
                Assert.InRange(delay, step / 2, step);
                if (step == 120000)
                {
                    lastDelays.Add(delay);
                }
            }

            PortableAdapters.Call(backoff, "Reset");
            Assert.InRange((int)PortableAdapters.Call(backoff, "NextDelayMilliseconds")!, 500, 1000);
        }

        // Jitter: nodes that lost the broker together spread their attempts across the last minute of the cap.
        Assert.True(lastDelays.Count > 100, "only " + lastDelays.Count + " distinct capped delays over 150 draws");
        Assert.InRange(lastDelays.Min(), 60000, 75000);
        Assert.InRange(lastDelays.Max(), 105000, 120000);
    }

    [Fact]
    public void Settings_File_Reads_Identity_And_Broker_With_Comments_And_The_Default_Port()
    {
        const string text = "# Retrosense node, line 3 press\n" +
            "tenant = acme-foods\r\n" +
            "site=plant-1\n" +
            "\n" +
            "asset = press-3   # drive end bearing\n" +
            "node=press-3-de\n" +
            "broker_host = mqtt.acme.example\n";

        var settings = Parse(text, out var error);

        Assert.NotNull(settings);
        Assert.Equal(string.Empty, error);
        Assert.Equal("acme-foods", PortableAdapters.Get(settings!, "Tenant"));
        Assert.Equal("plant-1", PortableAdapters.Get(settings!, "Site"));
        Assert.Equal("press-3", PortableAdapters.Get(settings!, "Asset"));
        Assert.Equal("press-3-de", PortableAdapters.Get(settings!, "NodeId"));
        Assert.Equal("mqtt.acme.example", PortableAdapters.Get(settings!, "BrokerHost"));
        Assert.Equal(8883, PortableAdapters.Get(settings!, "BrokerPort"));
        Assert.Equal(string.Empty, PortableAdapters.Get(settings!, "NtpServer"));

        var withPort = Parse(text + "broker_port=1883\nntp_server=10.0.0.1\n", out _);
        Assert.Equal(1883, PortableAdapters.Get(withPort!, "BrokerPort"));
        Assert.Equal("10.0.0.1", PortableAdapters.Get(withPort!, "NtpServer"));
    }

    [Theory]
    [InlineData("tenant=a\nsite=b\nasset=c\nbroker_host=h\n", "missing node")]
    [InlineData("tenant=a\nsite=b\nasset=c\nnode=d\nbroker_host=h\nbroker_port=70000\n", "line 6: broker_port must be 1-65535, got '70000'")]
    [InlineData("tenant=a\nsite=b\nasset=c\nnode=d\nbroker=h\n", "line 5: unknown key 'broker'")]
    [InlineData("tenant a\n", "line 1: expected key=value")]
    public void Settings_File_Rejects_A_Bad_File_Naming_The_Line_And_The_Problem(string text, string expectedError)
    {
        Assert.Null(Parse(text, out var error));
        Assert.Equal(expectedError, error);
    }

    [Theory]
    [InlineData(3200f, 0x0F, 3200f)]
    [InlineData(3199f, 0x0E, 1600f)]
    [InlineData(1600f, 0x0E, 1600f)]
    [InlineData(1000f, 0x0D, 800f)]
    [InlineData(400f, 0x0C, 400f)]
    [InlineData(200f, 0x0B, 200f)]
    [InlineData(150f, 0x0A, 100f)]
    [InlineData(25f, 0x0A, 100f)]
    public void Accelerometer_Runs_At_The_Fastest_Adxl345_Rate_Not_Above_The_One_Asked(float asked, int expectedCode, float expectedHz)
    {
        var code = (byte)PortableAdapters.CallStatic(DataRate, "CodeFor", asked)!;

        Assert.Equal(expectedCode, code);
        Assert.Equal(expectedHz, (float)PortableAdapters.CallStatic(DataRate, "HertzFor", code)!);
    }

    [Fact]
    public void Recorded_Reset_Cause_Is_Reported_Once_And_Then_Falls_Back_To_The_Platform_Cause()
    {
        var store = new InMemoryPersistentStore();

        Assert.Equal("power_on_or_unknown", PortableAdapters.CallStatic(ResetRecord, "ReadAndClear", store, "power_on_or_unknown"));
        PortableAdapters.CallStatic(ResetRecord, "Record", store, "watchdog");
        Assert.Equal("watchdog", PortableAdapters.CallStatic(ResetRecord, "ReadAndClear", store, "power_on_or_unknown"));
        Assert.Equal("deep_sleep_wake", PortableAdapters.CallStatic(ResetRecord, "ReadAndClear", store, "deep_sleep_wake"));
        Assert.False(store.Contains("reset"));
    }

    [Fact]
    public void Flash_Store_Replaces_A_Value_Whole_And_Survives_A_Reset_Between_Delete_And_Rename()
    {
        var folder = Path.Combine(Path.GetTempPath(), "retrosense-store-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = (IPersistentStore)Activator.CreateInstance(PortableAdapters.Type(FileStore), folder, new RecordingNodeLog())!;
            Assert.True((bool)PortableAdapters.Call(store, "Open")!);
            var buffer = new byte[64];

            Assert.False(store.TryRead("config", buffer, out var missingLength));
            Assert.Equal(0, missingLength);

            Assert.True(store.Write("config", Encoding.ASCII.GetBytes("first version"), 13));
            Assert.True(store.Write("config", Encoding.ASCII.GetBytes("second"), 6));
            Assert.True(store.TryRead("config", buffer, out var length));
            Assert.Equal("second", Encoding.ASCII.GetString(buffer, 0, length));
            Assert.False(File.Exists(Path.Combine(folder, "config.new")));

            // Too small a buffer: not read, not truncated.
            Assert.False(store.TryRead("config", new byte[3], out var shortLength));
            Assert.Equal(0, shortLength);

            // Reset during a write: the old value is still whole, the partial new file is ignored.
            File.WriteAllBytes(Path.Combine(folder, "config.new"), Encoding.ASCII.GetBytes("thi"));
            Assert.True(store.TryRead("config", buffer, out length));
            Assert.Equal("second", Encoding.ASCII.GetString(buffer, 0, length));

            // Reset after the old file was deleted and before the rename: the complete new file is taken.
            File.Delete(Path.Combine(folder, "config.bin"));
            File.WriteAllBytes(Path.Combine(folder, "config.new"), Encoding.ASCII.GetBytes("third"));
            Assert.True(store.TryRead("config", buffer, out length));
            Assert.Equal("third", Encoding.ASCII.GetString(buffer, 0, length));

            store.Delete("config");
            Assert.False(store.TryRead("config", buffer, out _));
            Assert.Empty(Directory.GetFiles(folder));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void Device_Clock_Gives_Unix_Milliseconds_And_A_Monotonic_Uptime()
    {
        var uptime = Activator.CreateInstance(PortableAdapters.Type("Retrosense.Node.Nano.Time.WallClockUptimeSource"))!;
        var clock = (IClock)Activator.CreateInstance(PortableAdapters.Type("Retrosense.Node.Nano.Time.NanoClock"), uptime)!;

        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var now = clock.UtcNowMilliseconds;
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Assert.InRange(now, before, after);
        Assert.True(clock.IsSynchronized);

        var first = clock.MonotonicMilliseconds;
        System.Threading.Thread.Sleep(30);
        var second = clock.MonotonicMilliseconds;
        Assert.InRange(second - first, 20, 1000);
    }

    private static object? Parse(string text, out string error)
    {
        var arguments = new object?[] { text, null };
        var settings = PortableAdapters.Type(SettingsFile).GetMethod("Parse")!.Invoke(null, arguments);
        error = (string)arguments[1]!;
        return settings;
    }
}
