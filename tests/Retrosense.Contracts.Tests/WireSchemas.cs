using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Json.Schema;
using Retrosense.Testing;

namespace Retrosense.Contracts.Tests;

/// <summary>The JSON Schemas of shared/schemas, built once with the shared header registered so $ref resolves offline.</summary>
internal static class WireSchemas
{
    private static readonly object Gate = new();
    private static Dictionary<string, JsonSchema>? _byKind;

    public static string SchemaDirectory => Path.Combine(RepositoryPaths.Root, "shared", "schemas");

    public static string GoldenDirectory => Path.Combine(SchemaDirectory, "golden");

    public static readonly string[] Kinds = { "birth", "death", "telemetry", "alarm", "status", "config", "config-ack" };

    public static JsonSchema ForKind(string kind)
    {
        lock (Gate)
        {
            if (_byKind is null)
            {
                var options = new BuildOptions();
                JsonSchema.FromText(File.ReadAllText(Path.Combine(SchemaDirectory, "header.schema.json")), options);
                var byKind = new Dictionary<string, JsonSchema>();
                foreach (var name in Kinds)
                {
                    byKind[name] = JsonSchema.FromText(File.ReadAllText(Path.Combine(SchemaDirectory, name + ".schema.json")), options);
                }

                _byKind = byKind;
            }

            return _byKind[kind];
        }
    }

    /// <summary>Validates a JSON text; returns the error list ("" when valid).</summary>
    public static (bool IsValid, string Errors) Validate(string kind, string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = ForKind(kind).Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = new List<string>();
        foreach (var detail in results.Details ?? new List<EvaluationResults>())
        {
            if (detail.Errors is null)
            {
                continue;
            }

            foreach (var pair in detail.Errors)
            {
                errors.Add(detail.InstanceLocation + ": " + pair.Key + ": " + pair.Value);
            }
        }

        return (results.IsValid, string.Join("\n", errors));
    }

    /// <summary>Kind a golden file exemplifies: its name up to the first dot (telemetry.historical.json → telemetry).</summary>
    public static string KindOfGoldenFile(string path)
    {
        var name = Path.GetFileName(path);
        return name[..name.IndexOf('.', System.StringComparison.Ordinal)];
    }
}
