using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Retrosense.Contracts;
using Retrosense.Platform.Ingestion;

namespace Retrosense.Server.Tests.Hostile;

/// <summary>
/// Generates bad publishes for one node identity, lazily (a 64 KiB payload is made when it is sent, not before) and
/// reproducibly (seeded). Every payload starts from the golden telemetry message (shared/schemas/golden/telemetry.json)
/// rewritten for the identity with the current time and a fresh seq, then breaks it one way. The kinds cycle, so any
/// count of at least eight covers every kind.
/// </summary>
public sealed class HostilePayloadGenerator
{
    private const string LiteralMarker = "__hostile_literal__";

    private static readonly byte[][] InvalidUtf8Sequences =
    [
        [0xFF],                   // never valid in UTF-8
        [0xC3, 0x28],             // lead byte followed by a non-continuation byte
        [0xC0, 0x80],             // overlong encoding of U+0000
        [0xED, 0xA0, 0x80],       // UTF-16 surrogate U+D800 encoded directly
        [0xE2, 0x82],             // truncated three-byte sequence
        [0xF4, 0x90, 0x80, 0x80], // above U+10FFFF
        [0x80],                   // lone continuation byte
    ];

    private static readonly HostilePayloadKind[] Kinds = Enum.GetValues<HostilePayloadKind>();

    private readonly string _tenant;
    private readonly string _site;
    private readonly string _asset;
    private readonly string _node;
    private readonly Random _random;
    private readonly string _template;
    private readonly string[] _leafPaths;
    private long _seq;

    public HostilePayloadGenerator(string tenant, string site, string asset, string node, int seed)
    {
        _tenant = tenant;
        _site = site;
        _asset = asset;
        _node = node;
        _random = new Random(seed);
        _template = File.ReadAllText(GoldenTelemetryPath()).TrimEnd('\n');
        _leafPaths = LeafPaths(JsonNode.Parse(_template)!, string.Empty).ToArray();
    }

    /// <summary>The topic this identity's telemetry goes to.</summary>
    public string OwnTelemetryTopic => TopicPath.Build(_tenant, _site, _asset, _node, MessageKind.Telemetry);

    /// <summary>Generates <paramref name="count"/> bad publishes, cycling through every <see cref="HostilePayloadKind"/>.</summary>
    public IEnumerable<HostilePayload> Generate(int count)
    {
        for (var index = 0; index < count; index++)
        {
            yield return Next(Kinds[index % Kinds.Length]);
        }
    }

    /// <summary>A valid telemetry message of <paramref name="node"/> with the current time and the next seq.</summary>
    public JsonObject ValidMessage(string node)
    {
        var message = JsonNode.Parse(_template)!.AsObject();
        message[WireFieldNames.Node] = node;
        message[WireFieldNames.Seq] = ++_seq;
        message[WireFieldNames.Timestamp] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return message;
    }

    public HostilePayload Next(HostilePayloadKind kind)
    {
        var own = OwnTelemetryTopic;
        switch (kind)
        {
            case HostilePayloadKind.TruncatedJson:
            {
                var bytes = Encoding.UTF8.GetBytes(ValidMessage(_node).ToJsonString());
                var length = _random.Next(0, bytes.Length);
                return new(kind, own, bytes[..length], "cut to " + length + " of " + bytes.Length + " bytes");
            }

            case HostilePayloadKind.WrongType:
            {
                var message = ValidMessage(_node);
                var path = Pick(_leafPaths);
                var (parent, key) = Locate(message, path);
                var originalKind = parent[key]!.GetValueKind();
                var candidates = new (string Name, Func<JsonNode> Value)[]
                {
                    ("string", () => JsonValue.Create("12.5")!),
                    ("boolean", () => JsonValue.Create(true)!),
                    ("array", () => new JsonArray(1, 2)),
                    ("object", () => new JsonObject { ["value"] = 1 }),
                    ("number", () => JsonValue.Create(7)!),
                }.Where(candidate => candidate.Value().GetValueKind() != originalKind && !(originalKind is JsonValueKind.True or JsonValueKind.False && candidate.Name == "boolean")).ToArray();
                var (name, value) = Pick(candidates);
                parent[key] = value();
                return new(kind, own, Encoding.UTF8.GetBytes(message.ToJsonString()), path + " → " + name);
            }

            case HostilePayloadKind.NonFiniteNumber:
            {
                var message = ValidMessage(_node);
                var path = Pick(_leafPaths.Where(leaf => Locate(message, leaf) is var (p, k) && p[k]!.GetValueKind() == JsonValueKind.Number).ToArray());
                var literal = Pick(new[] { "NaN", "Infinity", "-Infinity" });
                var (parent, key) = Locate(message, path);
                parent[key] = LiteralMarker;
                var text = message.ToJsonString().Replace("\"" + LiteralMarker + "\"", literal, StringComparison.Ordinal);
                return new(kind, own, Encoding.UTF8.GetBytes(text), path + " = " + literal);
            }

            case HostilePayloadKind.HugeString:
            {
                var message = ValidMessage(_node);
                var size = _random.Next(1_000, 14_001);
                var huge = new string((char)('a' + _random.Next(26)), size);
                string where;
                if (_random.Next(4) == 0)
                {
                    where = "extra field";
                    message["x_" + _random.Next(1000)] = huge;
                }
                else
                {
                    where = Pick(_leafPaths);
                    var (parent, key) = Locate(message, where);
                    parent[key] = huge;
                }

                return new(kind, own, Encoding.UTF8.GetBytes(message.ToJsonString()), where + " = " + size + " characters");
            }

            case HostilePayloadKind.DeepNesting:
            {
                var message = ValidMessage(_node);
                var depth = _random.Next(17, 3_001);
                var asArrays = _random.Next(2) == 0;
                var nested = asArrays
                    ? new string('[', depth) + "1" + new string(']', depth)
                    : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
                var path = _random.Next(4) == 0 ? "x_nested" : Pick(_leafPaths);
                if (path == "x_nested")
                {
                    message[path] = LiteralMarker;
                }
                else
                {
                    var (parent, key) = Locate(message, path);
                    parent[key] = LiteralMarker;
                }

                var text = message.ToJsonString().Replace("\"" + LiteralMarker + "\"", nested, StringComparison.Ordinal);
                return new(kind, own, Encoding.UTF8.GetBytes(text), path + " nested " + depth + (asArrays ? " arrays" : " objects") + " deep");
            }

            case HostilePayloadKind.InvalidUtf8:
            {
                var bytes = Encoding.UTF8.GetBytes(ValidMessage(_node).ToJsonString());
                var sequence = Pick(InvalidUtf8Sequences);

                // Inside the fw string (a JSON parser that skipped UTF-8 checks would take it) or anywhere at all.
                var fw = Encoding.UTF8.GetBytes("\"fw\":\"");
                var position = _random.Next(2) == 0 ? bytes.AsSpan().IndexOf(fw) + fw.Length : _random.Next(0, bytes.Length + 1);
                var corrupted = bytes[..position].Concat(sequence).Concat(bytes[position..]).ToArray();
                return new(kind, own, corrupted, Convert.ToHexString(sequence) + " at byte " + position);
            }

            case HostilePayloadKind.Oversize:
            {
                var message = ValidMessage(_node);
                var target = _random.Next(NodeMessageDecoder.MaxPayloadBytes + 1, (64 * 1024) + 1);
                var baseLength = Encoding.UTF8.GetByteCount(message.ToJsonString());
                message["padding"] = new string('p', Math.Max(1, target - baseLength - "\"padding\":\"\",".Length));
                var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
                return new(kind, own, bytes, bytes.Length + " bytes");
            }

            case HostilePayloadKind.ForeignTopic:
            {
                var choice = _random.Next(5);
                var otherNode = _node + "-other";
                var (topic, node) = choice switch
                {
                    0 => (TopicPath.Build(_tenant, _site, _asset, otherNode, MessageKind.Telemetry), otherNode),
                    1 => (TopicPath.Build(_tenant + "-other", _site, _asset, _node, MessageKind.Telemetry), _node),
                    2 => (TopicPath.Build(_tenant, _site + "-other", _asset, _node, MessageKind.Telemetry), _node),
                    3 => (TopicPath.Build(_tenant, _site, _asset + "-other", _node, MessageKind.Telemetry), _node),
                    _ => ("factory/" + _tenant + "/" + _node + "/telemetry", _node),
                };
                return new(kind, topic, Encoding.UTF8.GetBytes(ValidMessage(node).ToJsonString()), "valid telemetry on " + topic);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown kind");
        }
    }

    private static string GoldenTelemetryPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "schemas", "golden", "telemetry.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("shared/schemas/golden/telemetry.json not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<string> LeafPaths(JsonNode node, string prefix)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                var path = prefix.Length == 0 ? key : prefix + "." + key;
                if (value is JsonObject)
                {
                    foreach (var leaf in LeafPaths(value, path))
                    {
                        yield return leaf;
                    }
                }
                else
                {
                    yield return path;
                }
            }
        }
    }

    private static (JsonObject Parent, string Key) Locate(JsonObject root, string path)
    {
        var parts = path.Split('.');
        var parent = root;
        foreach (var part in parts[..^1])
        {
            parent = parent[part]!.AsObject();
        }

        return (parent, parts[^1]);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
