using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Retrosense.Contracts;
using Retrosense.Contracts.Tests;
using Retrosense.Platform.Ingestion;

namespace Retrosense.Platform.Tests.Ingestion;

/// <summary>Golden node → cloud messages as payloads with their topics, and a decoder on a clock the golden files fit.</summary>
internal static class IngestionTestMessages
{
    public const string Tenant = "acme";
    public const string Site = "plant-1";
    public const string Asset = "pump-3";

    /// <summary>Golden files the node publishes (config*.json is cloud → node), in a stable order.</summary>
    public static IReadOnlyList<string> NodeGoldenFiles { get; } = Directory
        .GetFiles(WireSchemas.GoldenDirectory, "*.json")
        .Where(path => WireSchemas.KindOfGoldenFile(path) != MessageKind.Config)
        .OrderBy(path => path, StringComparer.Ordinal)
        .Select(Path.GetFileName)
        .Select(name => name!)
        .ToArray();

    /// <summary>The message bytes of a golden file: the file without its one final LF (shared/schemas/README.md).</summary>
    public static byte[] Payload(string fileName)
    {
        var bytes = File.ReadAllBytes(Path.Combine(WireSchemas.GoldenDirectory, fileName));
        Assert.Equal((byte)'\n', bytes[^1]);
        Assert.NotEqual((byte)'\n', bytes[^2]);
        return bytes[..^1];
    }

    public static string Text(string fileName) => Encoding.UTF8.GetString(Payload(fileName));

    public static string KindOf(string fileName) => WireSchemas.KindOfGoldenFile(fileName);

    /// <summary>The topic the golden message's own node publishes it on.</summary>
    public static string TopicFor(string fileName)
    {
        using var document = JsonDocument.Parse(Payload(fileName));
        var node = document.RootElement.GetProperty(WireFieldNames.Node).GetString()!;
        return TopicPath.Build(Tenant, Site, Asset, node, KindOf(fileName));
    }

    /// <summary>A decoder whose clock is one hour after the latest golden timestamp, so every golden ts is in range.</summary>
    public static NodeMessageDecoder Decoder() => new(new FixedTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_764_246_000_123).AddHours(1)));

    /// <summary>Decodes and fails the test with the reason if the message is rejected.</summary>
    public static DecodedNodeMessage DecodeValid(string topic, byte[] payload)
    {
        var accepted = Decoder().TryDecode(topic, payload, out var message, out var reason);
        Assert.True(accepted, "rejected: " + reason);
        return message!;
    }

    /// <summary>Decodes a message expected to be rejected and returns the reason.</summary>
    public static RejectReason DecodeInvalid(string topic, byte[] payload)
    {
        var accepted = Decoder().TryDecode(topic, payload, out _, out var reason);
        Assert.False(accepted, "accepted a message that should be rejected: " + Encoding.UTF8.GetString(payload.AsSpan(0, Math.Min(payload.Length, 400))));
        Assert.NotNull(reason);
        return reason!;
    }

    /// <summary>A clock standing still at one instant.</summary>
    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
