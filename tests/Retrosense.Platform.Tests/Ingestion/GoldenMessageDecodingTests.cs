using System.Text.Json;
using Retrosense.Contracts;
using Retrosense.Platform.Ingestion.Wire;

namespace Retrosense.Platform.Tests.Ingestion;

public class GoldenMessageDecodingTests
{
    public static TheoryData<string> NodeGoldenFiles()
    {
        var data = new TheoryData<string>();
        foreach (var name in IngestionTestMessages.NodeGoldenFiles)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Every_Node_To_Cloud_Kind_Has_A_Golden_File_To_Decode()
    {
        var kinds = new System.Collections.Generic.HashSet<string>();
        foreach (var name in IngestionTestMessages.NodeGoldenFiles)
        {
            kinds.Add(IngestionTestMessages.KindOf(name));
        }

        Assert.Equal(
            new[] { MessageKind.Alarm, MessageKind.Birth, MessageKind.ConfigAck, MessageKind.Death, MessageKind.Status, MessageKind.Telemetry },
            System.Linq.Enumerable.Order(kinds, System.StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(NodeGoldenFiles))]
    public void Golden_Message_Decodes_With_Its_Topic_And_Header(string fileName)
    {
        var topic = IngestionTestMessages.TopicFor(fileName);
        var payload = IngestionTestMessages.Payload(fileName);
        using var expected = JsonDocument.Parse(payload);
        var root = expected.RootElement;

        var decoded = IngestionTestMessages.DecodeValid(topic, payload);

        Assert.Equal(IngestionTestMessages.KindOf(fileName), decoded.Kind);
        Assert.Equal(IngestionTestMessages.Tenant, decoded.Topic.Tenant);
        Assert.Equal(IngestionTestMessages.Site, decoded.Topic.Site);
        Assert.Equal(IngestionTestMessages.Asset, decoded.Topic.Asset);
        Assert.Equal(root.GetProperty("node").GetString(), decoded.Topic.Node);
        var header = decoded.Message;
        Assert.Equal(root.GetProperty("schema").GetInt32(), header.Schema);
        Assert.Equal(root.GetProperty("kind").GetString(), header.Kind);
        Assert.Equal(root.GetProperty("node").GetString(), header.Node);
        Assert.Equal(root.GetProperty("boot").GetInt64(), header.Boot);
        Assert.Equal(root.GetProperty("seq").GetInt64(), header.Seq);
        Assert.Equal(root.GetProperty("ts").GetInt64(), header.TimestampUnixMilliseconds);
        Assert.Equal(root.GetProperty("time_quality").GetString(), header.TimeQuality);
        Assert.Equal(root.GetProperty("historical").GetBoolean(), header.Historical);
        Assert.Equal(root.GetProperty("fw").GetString(), header.Firmware);
        Assert.Equal(new Retrosense.Platform.Ingestion.NodeMessageDedupeKey(header.Node, header.Boot, header.Seq), decoded.DedupeKey);
    }

    [Theory]
    [MemberData(nameof(NodeGoldenFiles))]
    public void Golden_Message_Decodes_Its_Kind_Specific_Values(string fileName)
    {
        var payload = IngestionTestMessages.Payload(fileName);
        using var expected = JsonDocument.Parse(payload);
        var root = expected.RootElement;

        var decoded = IngestionTestMessages.DecodeValid(IngestionTestMessages.TopicFor(fileName), payload);

        switch (decoded.Message)
        {
            case BirthWire birth:
                Assert.Equal(root.GetProperty("board").GetString(), birth.Board);
                Assert.Equal(root.GetProperty("config_version").GetInt64(), birth.ConfigVersion);
                Assert.Equal(root.GetProperty("sample_rate_hz").GetDouble(), birth.SampleRateHz);
                Assert.Equal(root.GetProperty("window_samples").GetInt64(), birth.WindowSamples);
                break;
            case DeathWire death:
                Assert.Equal(root.GetProperty("seq").GetInt64(), death.Seq);
                break;
            case TelemetryWire telemetry:
                Assert.Equal(root.GetProperty("window").GetProperty("rate_hz").GetDouble(), telemetry.Window.RateHz);
                Assert.Equal(root.GetProperty("window").GetProperty("samples").GetInt64(), telemetry.Window.Samples);
                Assert.Equal(root.GetProperty("zone").GetString(), telemetry.Zone);
                Assert.Equal(Measured(root.GetProperty("vel_rms_max_mm_s")), telemetry.VelocityRmsMaxMmPerSecond);
                var axes = root.GetProperty("axes");
                AssertAxis(axes.GetProperty("x"), telemetry.Axes.X);
                AssertAxis(axes.GetProperty("y"), telemetry.Axes.Y);
                AssertAxis(axes.GetProperty("z"), telemetry.Axes.Z);
                if (root.TryGetProperty("env", out var env))
                {
                    Assert.NotNull(telemetry.Environment);
                    AssertSummary(env, "temp_c", telemetry.Environment!.TemperatureCelsius);
                    AssertSummary(env, "rh_pct", telemetry.Environment.RelativeHumidityPercent);
                    AssertSummary(env, "pressure_hpa", telemetry.Environment.PressureHectopascals);
                }
                else
                {
                    Assert.Null(telemetry.Environment);
                }

                break;
            case AlarmWire alarm:
                var expectedAlarm = root.GetProperty("alarm");
                Assert.Equal(expectedAlarm.GetProperty("source").GetString(), alarm.Alarm.Source);
                Assert.Equal(expectedAlarm.GetProperty("channel").GetString(), alarm.Alarm.Channel);
                Assert.Equal(expectedAlarm.GetProperty("axis").GetString(), alarm.Alarm.Axis);
                Assert.Equal(expectedAlarm.GetProperty("severity").GetString(), alarm.Alarm.Severity);
                Assert.Equal(expectedAlarm.GetProperty("state").GetString(), alarm.Alarm.State);
                Assert.Equal(Measured(expectedAlarm.GetProperty("value")), alarm.Alarm.Value);
                Assert.Equal(Measured(expectedAlarm.GetProperty("threshold")), alarm.Alarm.Threshold);
                Assert.Equal(expectedAlarm.TryGetProperty("zone", out var zone) ? zone.GetString() : null, alarm.Alarm.Zone);
                Assert.Equal(expectedAlarm.TryGetProperty("previous_zone", out var previous) ? previous.GetString() : null, alarm.Alarm.PreviousZone);
                break;
            case StatusWire status:
                Assert.Equal(root.GetProperty("config_version").GetInt64(), status.ConfigVersion);
                Assert.Equal(root.GetProperty("uptime_s").GetInt64(), status.UptimeSeconds);
                Assert.Equal(root.GetProperty("free_heap_bytes").GetInt64(), status.FreeHeapBytes);
                Assert.Equal(root.GetProperty("rssi_dbm").GetInt64(), status.RssiDbm);
                Assert.Equal(root.GetProperty("reset_reason").GetString(), status.ResetReason);
                Assert.Equal(root.GetProperty("queue_capacity").GetInt64(), status.QueueCapacity);
                Assert.Equal(root.GetProperty("publish_failures").GetInt64(), status.PublishFailures);
                break;
            case ConfigAckWire ack:
                Assert.Equal(root.GetProperty("config_version").GetInt64(), ack.ConfigVersion);
                Assert.Equal(root.GetProperty("accepted").GetBoolean(), ack.Accepted);
                Assert.Equal(root.TryGetProperty("reason", out var reason) ? reason.GetString() : null, ack.Reason);
                break;
            default:
                Assert.Fail("unexpected message type " + decoded.Message.GetType().Name);
                break;
        }
    }

    private static double? Measured(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetDouble();

    private static void AssertAxis(JsonElement expected, AxisFeaturesWire actual)
    {
        Assert.Equal(Measured(expected.GetProperty("rms_g")), actual.RmsG);
        Assert.Equal(Measured(expected.GetProperty("peak_g")), actual.PeakG);
        Assert.Equal(Measured(expected.GetProperty("kurtosis")), actual.Kurtosis);
        Assert.Equal(Measured(expected.GetProperty("vel_rms_mm_s")), actual.VelocityRmsMmPerSecond);
        Assert.Equal(Measured(expected.GetProperty("dominant_hz")), actual.DominantFrequencyHz);
        Assert.Equal(Measured(expected.GetProperty("env_ftf_g")), actual.EnvelopeFtfG);
        if (expected.TryGetProperty("bands_g", out var bands))
        {
            Assert.NotNull(actual.BandsG);
            var count = 0;
            foreach (var band in bands.EnumerateObject())
            {
                Assert.Equal(Measured(band.Value), actual.BandsG![band.Name]);
                count++;
            }

            Assert.Equal(count, actual.BandsG!.Count);
        }
        else
        {
            Assert.Null(actual.BandsG);
        }
    }

    private static void AssertSummary(JsonElement env, string channel, ChannelSummaryWire? actual)
    {
        if (!env.TryGetProperty(channel, out var expected))
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Assert.Equal(Measured(expected.GetProperty("mean")), actual!.Mean);
        Assert.Equal(Measured(expected.GetProperty("min")), actual.Min);
        Assert.Equal(Measured(expected.GetProperty("max")), actual.Max);
    }
}
