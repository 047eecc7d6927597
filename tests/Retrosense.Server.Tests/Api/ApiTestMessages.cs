using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using Retrosense.Contracts;
using Retrosense.Platform.Ingestion;
using Retrosense.Testing;

namespace Retrosense.Server.Tests.Api;

/// <summary>
/// Node messages for seeding the store, built from the golden messages of shared/schemas/golden with their header and
/// a few values changed, and decoded by the real decoder (so they are exactly what ingestion would store).
/// </summary>
internal static class ApiTestMessages
{
    public static DecodedNodeMessage Telemetry(
        string tenant, string site, string asset, string node, long seq, DateTimeOffset timestamp, double velocityRmsXMmPerSecond, double temperatureMeanCelsius, bool historical = false) =>
        Decode(tenant, site, asset, node, "telemetry", TelemetryPayload(node, seq, timestamp, velocityRmsXMmPerSecond, temperatureMeanCelsius, historical));

    /// <summary>The bytes a node would publish: golden telemetry.json with this header and these values.</summary>
    public static byte[] TelemetryPayload(string node, long seq, DateTimeOffset timestamp, double velocityRmsXMmPerSecond, double temperatureMeanCelsius, bool historical = false)
    {
        var json = Golden("telemetry.json");
        SetHeader(json, node, seq, timestamp, historical);

        // The golden y and z velocities are 1.8 and 1.2 mm/s; x stays the largest axis when it is at least 2.
        json["vel_rms_max_mm_s"] = velocityRmsXMmPerSecond;
        json["axes"]!["x"]!["vel_rms_mm_s"] = velocityRmsXMmPerSecond;
        json["env"]!["temp_c"] = new JsonObject { ["mean"] = temperatureMeanCelsius, ["min"] = temperatureMeanCelsius - 0.5, ["max"] = temperatureMeanCelsius + 0.5 };
        return JsonSerializer.SerializeToUtf8Bytes(json);
    }

    public static DecodedNodeMessage Alarm(string tenant, string site, string asset, string node, long seq, DateTimeOffset timestamp)
    {
        var json = Golden("alarm.json");
        SetHeader(json, node, seq, timestamp, historical: false);
        return Decode(tenant, site, asset, node, "alarm", JsonSerializer.SerializeToUtf8Bytes(json));
    }

    private static JsonObject Golden(string fileName) =>
        JsonNode.Parse(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "shared", "schemas", "golden", fileName)))!.AsObject();

    private static void SetHeader(JsonObject json, string node, long seq, DateTimeOffset timestamp, bool historical)
    {
        json["node"] = node;
        json["seq"] = seq;
        json["ts"] = timestamp.ToUnixTimeMilliseconds();
        json["historical"] = historical;
    }

    private static DecodedNodeMessage Decode(string tenant, string site, string asset, string node, string kind, byte[] payload)
    {
        var accepted = new NodeMessageDecoder(TimeProvider.System).TryDecode(TopicPath.Build(tenant, site, asset, node, kind), payload, out var message, out var reason);
        Assert.True(accepted, "test message rejected: " + reason);
        return message!;
    }
}
