using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Retrosense.Contracts;

namespace Retrosense.Platform.Tests.Ingestion;

/// <summary>
/// Generates bad node messages from the golden files with a seeded <see cref="Random"/>, lazily (the 1 MiB strings and
/// 10,000-level nestings would otherwise all sit in memory at once). Same seed, same corpus.
/// </summary>
internal static class BadPayloadCorpus
{
    private const string LiteralMarker = "__retrosense_literal__";

    private static readonly byte[][] InvalidUtf8Sequences =
    {
        new byte[] { 0xFF },                   // never valid in UTF-8
        new byte[] { 0xC3, 0x28 },             // lead byte followed by a non-continuation byte
        new byte[] { 0xC0, 0x80 },             // overlong encoding of U+0000
        new byte[] { 0xED, 0xA0, 0x80 },       // UTF-16 surrogate U+D800 encoded directly
        new byte[] { 0xE2, 0x82 },             // truncated three-byte sequence
        new byte[] { 0xF4, 0x90, 0x80, 0x80 }, // above U+10FFFF
        new byte[] { 0x80 },                   // lone continuation byte
    };

    public static IEnumerable<BadPayloadCase> Generate(int seed)
    {
        var random = new Random(seed);
        foreach (var file in IngestionTestMessages.NodeGoldenFiles)
        {
            var topic = IngestionTestMessages.TopicFor(file);
            var payload = IngestionTestMessages.Payload(file);
            var text = Encoding.UTF8.GetString(payload);
            var fields = FieldPaths(JsonNode.Parse(text)!);

            for (var length = 0; length < payload.Length; length++)
            {
                yield return new("truncation", file + " cut to " + length + " bytes", topic, payload[..length], true);
            }

            foreach (var path in fields)
            {
                foreach (var (name, replacement) in TypeReplacements())
                {
                    var node = JsonNode.Parse(text)!;
                    var (parent, key) = Locate(node, path);
                    if (SameKind(parent[key], replacement()))
                    {
                        continue;
                    }

                    parent[key] = replacement();
                    yield return new("type swap", file + " " + path + " → " + name, topic, Encoding.UTF8.GetBytes(node.ToJsonString()), false);
                }

                foreach (var literal in new[] { "NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x10", "1e", "true1", "nul" })
                {
                    var node = JsonNode.Parse(text)!;
                    var (parent, key) = Locate(node, path);
                    parent[key] = LiteralMarker;
                    var withLiteral = node.ToJsonString().Replace("\"" + LiteralMarker + "\"", literal, StringComparison.Ordinal);
                    yield return new("non-JSON number literal", file + " " + path + " = " + literal, topic, Encoding.UTF8.GetBytes(withLiteral), true);
                }

                if (Locate(JsonNode.Parse(text)!, path) is var (stringParent, stringKey) && stringParent[stringKey]?.GetValueKind() == JsonValueKind.String)
                {
                    foreach (var size in new[] { 1024 * 1024, 15_000, 600 })
                    {
                        var node = JsonNode.Parse(text)!;
                        var (parent, key) = Locate(node, path);
                        parent[key] = new string('a', size);
                        yield return new("huge string", file + " " + path + " = " + size + " characters", topic, Encoding.UTF8.GetBytes(node.ToJsonString()), true);
                    }
                }
            }

            for (var duplicated = 0; duplicated < fields.Count; duplicated++)
            {
                yield return new("duplicate key", file + " property #" + duplicated + " (" + fields[duplicated] + ") written twice", topic, WithDuplicate(text, duplicated), true);
            }

            foreach (var depth in new[] { 10_000, 8_000, 100, 17 })
            {
                var nested = new string('[', depth) + new string(']', depth);
                yield return new("deep nesting", depth + " nested arrays as the payload", topic, Encoding.UTF8.GetBytes(nested), true);
                var nestedObjects = new StringBuilder().Insert(0, "{\"a\":", depth - 1).Append("{}").Append('}', depth - 1).ToString();
                yield return new("deep nesting", file + " fw = " + depth + " nested objects", topic, Encoding.UTF8.GetBytes(text.Replace("\"fw\":\"", "\"fw\":" + nestedObjects + ",\"fw2\":\"", StringComparison.Ordinal)), true);
            }

            for (var i = 0; i < 60; i++)
            {
                var sequence = InvalidUtf8Sequences[random.Next(InvalidUtf8Sequences.Length)];
                var at = random.Next(payload.Length + 1);
                var corrupted = new byte[payload.Length + sequence.Length];
                payload.AsSpan(0, at).CopyTo(corrupted);
                sequence.CopyTo(corrupted.AsSpan(at));
                payload.AsSpan(at).CopyTo(corrupted.AsSpan(at + sequence.Length));
                yield return new("invalid UTF-8", file + " " + Convert.ToHexString(sequence) + " inserted at " + at, topic, corrupted, true);
            }

            for (var i = 0; i < 20; i++)
            {
                var size = random.Next(Retrosense.Platform.Ingestion.NodeMessageDecoder.MaxPayloadBytes + 1, 256 * 1024);
                var padded = new byte[size];
                payload.CopyTo(padded, 0);
                padded.AsSpan(payload.Length).Fill((byte)' ');
                yield return new("oversize", file + " padded to " + size + " bytes", topic, padded, true);
            }

            for (var i = 0; i < 400; i++)
            {
                var flipped = (byte[])payload.Clone();
                var flips = 1 + random.Next(3);
                for (var f = 0; f < flips; f++)
                {
                    flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
                }

                yield return new("byte flip", file + " " + flips + " random bytes", topic, flipped, false);
            }

            foreach (var badTopic in WrongTopics(file))
            {
                yield return new("wrong topic", file + " on " + badTopic, badTopic, payload, true);
            }
        }

        // Valid in every field but far too many bands: a message the size limit must stop before parsing.
        var manyBands = new StringBuilder("{");
        for (var band = 0; band < 2000; band++)
        {
            manyBands.Append(band == 0 ? string.Empty : ",").Append("\"b").Append(band).Append("\":0.1");
        }

        var telemetry = IngestionTestMessages.Text("telemetry.json").Replace("\"bands_g\":{\"1x\":0.08,\"2x\":0.021}", "\"bands_g\":" + manyBands + "}", StringComparison.Ordinal);
        yield return new("oversize", "telemetry.json with 2000 bands", IngestionTestMessages.TopicFor("telemetry.json"), Encoding.UTF8.GetBytes(telemetry), true);
    }

    /// <summary>Topics the golden message must not be accepted on: another node, another kind, not a contract topic.</summary>
    private static IEnumerable<string> WrongTopics(string file)
    {
        var kind = IngestionTestMessages.KindOf(file);
        var own = IngestionTestMessages.TopicFor(file);
        var node = own.Split('/')[5];
        string Topic(string n, string k) => TopicPath.Prefix + IngestionTestMessages.Tenant + "/" + IngestionTestMessages.Site + "/" + IngestionTestMessages.Asset + "/" + n + "/" + k;

        yield return Topic("n-002", kind);
        yield return Topic(node + "x", kind);
        yield return Topic(node.ToUpperInvariant(), kind);
        foreach (var other in new[] { MessageKind.Birth, MessageKind.Death, MessageKind.Telemetry, MessageKind.Alarm, MessageKind.Status, MessageKind.ConfigAck, MessageKind.Config, "Telemetry", "event" })
        {
            if (other != kind)
            {
                yield return Topic(node, other);
            }
        }

        yield return own.Replace("/v1/", "/v2/", StringComparison.Ordinal);
        yield return own + "/";
        yield return "/" + own;
        yield return own.Replace(IngestionTestMessages.Site, "+", StringComparison.Ordinal);
        yield return Topic("#", kind);
        yield return own.Replace(IngestionTestMessages.Asset, string.Empty, StringComparison.Ordinal);
        yield return own.Replace(IngestionTestMessages.Asset, "pump 3", StringComparison.Ordinal);
        yield return own.Replace(IngestionTestMessages.Tenant, new string('t', 65), StringComparison.Ordinal);
        yield return own.Replace(IngestionTestMessages.Tenant, "acme\u0000", StringComparison.Ordinal);
        yield return string.Empty;
        yield return "retrosense/v1";
    }

    /// <summary>JSON-pointer-like paths (a/b/c) of every property of every object in the message, in document order.</summary>
    private static List<string> FieldPaths(JsonNode root)
    {
        var paths = new List<string>();
        void Walk(JsonNode node, string prefix)
        {
            if (node is not JsonObject obj)
            {
                return;
            }

            foreach (var (name, child) in obj)
            {
                var path = prefix.Length == 0 ? name : prefix + "/" + name;
                paths.Add(path);
                if (child is not null)
                {
                    Walk(child, path);
                }
            }
        }

        Walk(root, string.Empty);
        return paths;
    }

    private static (JsonObject Parent, string Key) Locate(JsonNode root, string path)
    {
        var names = path.Split('/');
        var parent = root.AsObject();
        for (var i = 0; i < names.Length - 1; i++)
        {
            parent = parent[names[i]]!.AsObject();
        }

        return (parent, names[^1]);
    }

    private static IEnumerable<(string Name, Func<JsonNode?> Make)> TypeReplacements()
    {
        yield return ("number", () => JsonValue.Create(42));
        yield return ("string", () => JsonValue.Create("42"));
        yield return ("boolean", () => JsonValue.Create(true));
        yield return ("null", () => null);
        yield return ("object", () => new JsonObject());
        yield return ("array", () => new JsonArray());
    }

    private static bool SameKind(JsonNode? a, JsonNode? b)
    {
        static JsonValueKind Kind(JsonNode? n) => n is null ? JsonValueKind.Null : n.GetValueKind() is JsonValueKind.False ? JsonValueKind.True : n.GetValueKind();
        return Kind(a) == Kind(b);
    }

    /// <summary>The message rewritten with its <paramref name="index"/>-th property (document order) written twice.</summary>
    private static byte[] WithDuplicate(string text, int index)
    {
        using var document = JsonDocument.Parse(text);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true }))
        {
            var counter = 0;
            void Write(JsonElement element)
            {
                if (element.ValueKind != JsonValueKind.Object)
                {
                    element.WriteTo(writer);
                    return;
                }

                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    var duplicate = counter++ == index;
                    writer.WritePropertyName(property.Name);
                    Write(property.Value);
                    if (duplicate)
                    {
                        property.WriteTo(writer);
                    }
                }

                writer.WriteEndObject();
            }

            Write(document.RootElement);
        }

        return stream.ToArray();
    }
}
