using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Retrosense.Contracts;
using Retrosense.Platform.Ingestion;
using Retrosense.Testing;

namespace Retrosense.Storage.Tests.Ingestion;

/// <summary>The golden node → cloud messages of shared/schemas/golden, decoded the way ingestion decodes them.</summary>
internal static class GoldenNodeMessages
{
    public const string Tenant = "acme";
    public const string Site = "plant-1";
    public const string Asset = "pump-3";

    /// <summary>The newest golden <c>ts</c> (2025-11-27 12:20:00.123 UTC); the decoder's clock is an hour later so every ts is in range.</summary>
    public static readonly DateTimeOffset NewestGoldenTimestamp = DateTimeOffset.FromUnixTimeMilliseconds(1_764_246_000_123);

    public static string Directory => Path.Combine(RepositoryPaths.Root, "shared", "schemas", "golden");

    /// <summary>Golden files a node publishes (config*.json goes cloud → node), in a stable order.</summary>
    public static IReadOnlyList<string> NodeFiles { get; } = System.IO.Directory
        .GetFiles(Directory, "*.json")
        .Select(path => Path.GetFileName(path))
        .Where(name => KindOf(name) != MessageKind.Config)
        .OrderBy(name => name, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The kind is the file name up to its first dot (telemetry.historical.json is a telemetry message).</summary>
    public static string KindOf(string fileName) => fileName[..fileName.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>The message bytes: the file without its final LF (shared/schemas/README.md).</summary>
    public static byte[] Payload(string fileName)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Directory, fileName));
        return bytes[^1] == (byte)'\n' ? bytes[..^1] : bytes;
    }

    public static DecodedNodeMessage Decode(string fileName) => Decode(fileName, Payload(fileName));

    /// <summary>A golden message with its header changed (seq, ts, historical), decoded like a real one.</summary>
    public static DecodedNodeMessage DecodeVariant(string fileName, long seq, DateTimeOffset timestamp, bool historical, Action<JsonObject>? edit = null)
    {
        var json = JsonNode.Parse(Payload(fileName))!.AsObject();
        json["seq"] = seq;
        json["ts"] = timestamp.ToUnixTimeMilliseconds();
        json["historical"] = historical;
        edit?.Invoke(json);
        return Decode(fileName, JsonSerializer.SerializeToUtf8Bytes(json));
    }

    /// <summary>A golden telemetry window whose x-axis velocity RMS is <paramref name="velocityXMmPerSecond"/> (the largest axis when above 1.8).</summary>
    public static DecodedNodeMessage Telemetry(long seq, DateTimeOffset timestamp, double velocityXMmPerSecond, bool historical = false) =>
        DecodeVariant("telemetry.json", seq, timestamp, historical, json =>
        {
            json["axes"]!["x"]!["vel_rms_mm_s"] = velocityXMmPerSecond;
            json["vel_rms_max_mm_s"] = Math.Max(velocityXMmPerSecond, 1.8);
        });

    public static string TopicFor(string fileName, byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        var node = document.RootElement.GetProperty("node").GetString()!;
        return TopicPath.Build(Tenant, Site, Asset, node, KindOf(fileName));
    }

    private static DecodedNodeMessage Decode(string fileName, byte[] payload)
    {
        var decoder = new NodeMessageDecoder(new ManualTimeProvider(NewestGoldenTimestamp.AddHours(1)));
        var accepted = decoder.TryDecode(TopicFor(fileName, payload), payload, out var message, out var reason);
        Assert.True(accepted, fileName + " rejected: " + reason);
        return message!;
    }
}
