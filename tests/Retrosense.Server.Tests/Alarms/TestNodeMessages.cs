using System;
using System.Globalization;
using System.Text;
using Retrosense.Contracts;
using Retrosense.Platform.Ingestion;

namespace Retrosense.Server.Tests.Alarms;

/// <summary>
/// Node messages as a node publishes them (shapes of shared/schemas/golden), decoded by the real decoder, for one
/// node of <see cref="AlarmTestStore"/>.
/// </summary>
internal static class TestNodeMessages
{
    private const string Axis = "\"rms_g\":0.123,\"peak_g\":0.456,\"p2p_g\":0.89,\"crest\":3.7,\"kurtosis\":3.2,\"skewness\":-0.12,\"vel_rms_mm_s\":{0},\"dominant_hz\":25,\"env_rms_g\":0.031,\"env_bpfo_g\":0.004,\"env_bpfi_g\":0.0025,\"env_bsf_g\":0.0012,\"env_ftf_g\":0.0008,\"bands_g\":{{\"1x\":0.08}}";

    public static DecodedNodeMessage Birth(long boot, long seq, DateTimeOffset at) =>
        Decode("birth", Header("birth", boot, seq, at) + ",\"board\":\"esp32\",\"config_version\":0,\"sample_rate_hz\":3200,\"window_samples\":4096}");

    public static DecodedNodeMessage Death(long boot, DateTimeOffset at) => Decode("death", Header("death", boot, 0, at) + "}");

    public static DecodedNodeMessage Telemetry(long boot, long seq, DateTimeOffset at, string zone, double velocityMmPerSecond)
    {
        var velocity = velocityMmPerSecond.ToString(CultureInfo.InvariantCulture);
        var axis = "{" + string.Format(CultureInfo.InvariantCulture, Axis, velocity) + "}";
        return Decode("telemetry", Header("telemetry", boot, seq, at)
            + ",\"config_version\":1,\"window\":{\"rate_hz\":3200,\"samples\":4096},\"zone\":\"" + zone + "\",\"vel_rms_max_mm_s\":" + velocity
            + ",\"axes\":{\"x\":" + axis + ",\"y\":" + axis + ",\"z\":" + axis + "}}");
    }

    public static DecodedNodeMessage ZoneAlarm(long boot, long seq, DateTimeOffset at, string state, string severity, string zone, string previousZone, double value, double threshold) =>
        Decode("alarm", Header("alarm", boot, seq, at) + string.Create(
            CultureInfo.InvariantCulture,
            $",\"alarm\":{{\"source\":\"zone\",\"channel\":\"vel_rms_mm_s\",\"axis\":\"max\",\"severity\":\"{severity}\",\"state\":\"{state}\",\"value\":{value},\"threshold\":{threshold},\"zone\":\"{zone}\",\"previous_zone\":\"{previousZone}\"}}}}"));

    private static string Header(string kind, long boot, long seq, DateTimeOffset at) => string.Create(
        CultureInfo.InvariantCulture,
        $"{{\"schema\":1,\"kind\":\"{kind}\",\"node\":\"{AlarmTestStore.NodeId}\",\"boot\":{boot},\"seq\":{seq},\"ts\":{at.ToUnixTimeMilliseconds()},\"time_quality\":\"synced\",\"historical\":false,\"fw\":\"0.1.0\"");

    private static DecodedNodeMessage Decode(string kind, string json)
    {
        var topic = TopicPath.Build(AlarmTestStore.TenantId, AlarmTestStore.SiteId, AlarmTestStore.AssetId, AlarmTestStore.NodeId, kind);
        var accepted = new NodeMessageDecoder(TimeProvider.System).TryDecode(topic, Encoding.UTF8.GetBytes(json), out var message, out var reason);
        Assert.True(accepted, "rejected: " + reason);
        return message!;
    }
}
