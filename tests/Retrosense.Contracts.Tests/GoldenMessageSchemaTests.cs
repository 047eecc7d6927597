using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Retrosense.Contracts;

namespace Retrosense.Contracts.Tests;

public class GoldenMessageSchemaTests
{
    public static TheoryData<string> GoldenFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(WireSchemas.GoldenDirectory, "*.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Golden_Message_Validates_Against_Its_Kinds_Schema(string fileName)
    {
        var path = Path.Combine(WireSchemas.GoldenDirectory, fileName);
        var kind = WireSchemas.KindOfGoldenFile(path);
        var text = File.ReadAllText(path);

        var (isValid, errors) = WireSchemas.Validate(kind, text);

        Assert.True(isValid, fileName + " fails " + kind + ".schema.json:\n" + errors);
        Assert.Equal(kind, JsonNode.Parse(text)!["kind"]!.GetValue<string>());
    }

    [Fact]
    public void Every_Kind_Has_A_Schema_And_At_Least_One_Golden_Message()
    {
        foreach (var kind in WireSchemas.Kinds)
        {
            Assert.True(MessageKind.IsKnown(kind));
            Assert.True(File.Exists(Path.Combine(WireSchemas.SchemaDirectory, kind + ".schema.json")), kind);
            Assert.True(File.Exists(Path.Combine(WireSchemas.GoldenDirectory, kind + ".json")), kind);
        }
    }

    [Fact]
    public void Golden_Files_Are_One_Compact_Line_Ending_In_A_Single_Newline()
    {
        foreach (var path in Directory.GetFiles(WireSchemas.GoldenDirectory, "*.json"))
        {
            var text = File.ReadAllText(path);
            Assert.EndsWith("}\n", text, StringComparison.Ordinal);
            Assert.Equal(1, text.Count(c => c == '\n'));
            Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
            Assert.DoesNotContain(": ", text, StringComparison.Ordinal);
            Assert.DoesNotContain(", ", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Node_Message_Header_Fields_Come_First_In_Wire_Order()
    {
        string[] header =
        {
            WireFieldNames.Schema, WireFieldNames.Kind, WireFieldNames.Node, WireFieldNames.Boot, WireFieldNames.Seq,
            WireFieldNames.Timestamp, WireFieldNames.TimeQuality, WireFieldNames.Historical, WireFieldNames.Firmware,
        };
        foreach (var path in Directory.GetFiles(WireSchemas.GoldenDirectory, "*.json"))
        {
            if (WireSchemas.KindOfGoldenFile(path) == MessageKind.Config)
            {
                continue;
            }

            var names = JsonNode.Parse(File.ReadAllText(path))!.AsObject().Select(p => p.Key).Take(header.Length).ToArray();
            Assert.Equal(header, names);
        }
    }

    public static TheoryData<string, string, string> BrokenMessages()
    {
        return new TheoryData<string, string, string>
        {
            { "telemetry", "missing seq", Mutate("telemetry.json", o => o.Remove("seq")) },
            { "telemetry", "seq as a string", Mutate("telemetry.json", o => o["seq"] = "42") },
            { "telemetry", "extra root field", Mutate("telemetry.json", o => o["extra"] = 1) },
            { "telemetry", "extra axis field", Mutate("telemetry.json", o => o["axes"]!["x"]!["rms"] = 0.1) },
            { "telemetry", "schema 2", Mutate("telemetry.json", o => o["schema"] = 2) },
            { "telemetry", "negative seq", Mutate("telemetry.json", o => o["seq"] = -1) },
            { "telemetry", "ts before 2020", Mutate("telemetry.json", o => o["ts"] = 1000) },
            { "telemetry", "node id with a slash", Mutate("telemetry.json", o => o["node"] = "n/1") },
            { "telemetry", "zone E", Mutate("telemetry.json", o => o["zone"] = "E") },
            { "telemetry", "time quality typo", Mutate("telemetry.json", o => o["time_quality"] = "sync") },
            { "alarm", "zone alarm without previous zone", Mutate("alarm.zone.json", o => o["alarm"]!.AsObject().Remove("previous_zone")) },
            { "alarm", "limit alarm with a zone", Mutate("alarm.json", o => o["alarm"]!["zone"] = "C") },
            { "alarm", "unknown channel", Mutate("alarm.json", o => o["alarm"]!["channel"] = "vel_rms") },
            { "death", "death with a body", Mutate("death.json", o => o["config_version"] = 1) },
            { "config-ack", "rejection without reason", Mutate("config-ack.json", o => o.Remove("reason")) },
            { "status", "missing reset reason", Mutate("status.json", o => o.Remove("reset_reason")) },
            { "birth", "kind telemetry under the birth schema", Mutate("birth.json", o => o["kind"] = "telemetry") },
            { "config", "window not a power of two", Mutate("config.json", o => o["window_samples"] = 4000) },
            { "config", "unknown config field", Mutate("config.json", o => o["heartbeat_sec"] = 60) },
            { "config", "deadband on an unknown channel", Mutate("config.json", o => o["deadbands"]!["vel"] = 0.1) },
            { "config", "missing config version", Mutate("config.json", o => o.Remove("config_version")) },
        };
    }

    [Theory]
    [MemberData(nameof(BrokenMessages))]
    public void Schema_Rejects_A_Broken_Message(string kind, string what, string json)
    {
        var (isValid, _) = WireSchemas.Validate(kind, json);

        Assert.False(isValid, what + " was accepted by " + kind + ".schema.json");
    }

    private static string Mutate(string goldenFile, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(WireSchemas.GoldenDirectory, goldenFile)))!.AsObject();
        change(node);
        return node.ToJsonString();
    }
}
