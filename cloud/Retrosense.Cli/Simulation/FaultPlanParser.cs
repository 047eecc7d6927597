using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Retrosense.Cli.Simulation;

/// <summary>
/// Reads a fault plan, either inline text or a JSON file (a value ending in <c>.json</c>).
/// <para>Text: entries separated by <c>;</c>, each <c>ASSET:FAULT[:onset=S][:growth=PER_S][:severity=0..1]</c>, e.g.
/// <c>asset-003:outer-race:onset=600:growth=0.002;asset-007:imbalance:severity=0.3</c>.</para>
/// <para>JSON: <c>[{"asset":"asset-003","fault":"outer-race","onset_s":600,"growth_per_s":0.002,"severity":0}]</c>.</para>
/// Onset is in simulated seconds after the start (default 0), growth is severity per simulated second (default 0: the
/// fault stays at its initial severity), severity is the initial severity from 0 to 1 (default 0.1). Every error names
/// the entry and what is wrong, for a one-line CLI message.
/// </summary>
internal static class FaultPlanParser
{
    public const double DefaultInitialSeverity = 0.1;

    /// <summary>The faults the machine model can develop, as the plan spells them.</summary>
    public static readonly IReadOnlyList<string> FaultNames = new[] { "imbalance", "misalignment", "outer-race", "inner-race", "ball" };

    /// <summary>Parses <paramref name="plan"/>; throws <see cref="CliInputException"/> naming the bad entry.</summary>
    public static IReadOnlyList<SimulatedFault> Parse(string plan, int nodeCount)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var faults = plan.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ParseJsonFile(plan) : ParseText(plan);
        foreach (var fault in faults)
        {
            RequireAssetInFleet(fault.Asset, nodeCount);
        }

        var repeated = faults.GroupBy(fault => (fault.Asset, fault.Fault)).FirstOrDefault(group => group.Count() > 1);
        if (repeated is not null)
        {
            throw new CliInputException($"--faults lists {repeated.Key.Fault} on {repeated.Key.Asset} more than once");
        }

        return faults;
    }

    /// <summary>The asset id of the fleet's <paramref name="index"/>-th node (0-based): asset-001, asset-002, ….</summary>
    public static string AssetId(int index) => string.Create(CultureInfo.InvariantCulture, $"asset-{index + 1:D3}");

    private static List<SimulatedFault> ParseText(string plan)
    {
        var faults = new List<SimulatedFault>();
        var entries = plan.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length == 0)
        {
            throw new CliInputException("--faults is empty: give ASSET:FAULT[:onset=S][:growth=PER_S][:severity=0..1] entries separated by ';', or a .json file");
        }

        for (var index = 0; index < entries.Length; index++)
        {
            var entry = entries[index];
            var parts = entry.Split(':', StringSplitOptions.TrimEntries);
            string Where() => $"--faults entry {index + 1} '{entry}'";
            if (parts.Length < 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new CliInputException($"{Where()}: expected ASSET:FAULT[:onset=S][:growth=PER_S][:severity=0..1]");
            }

            double onset = 0, growth = 0, severity = DefaultInitialSeverity;
            foreach (var setting in parts.Skip(2))
            {
                var pair = setting.Split('=', 2, StringSplitOptions.TrimEntries);
                if (pair.Length != 2 || !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    throw new CliInputException($"{Where()}: '{setting}' is not KEY=NUMBER (keys: onset, growth, severity)");
                }

                switch (pair[0].ToLowerInvariant())
                {
                    case "onset":
                        onset = value;
                        break;
                    case "growth":
                        growth = value;
                        break;
                    case "severity":
                        severity = value;
                        break;
                    default:
                        throw new CliInputException($"{Where()}: unknown key '{pair[0]}' (keys: onset, growth, severity)");
                }
            }

            faults.Add(Checked(Where(), parts[0], parts[1], onset, growth, severity));
        }

        return faults;
    }

    private static List<SimulatedFault> ParseJsonFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliInputException($"--faults file '{path}' not found");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException exception)
        {
            throw new CliInputException($"--faults file '{path}' is not valid JSON: {exception.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new CliInputException($"--faults file '{path}' must hold a JSON array of {{\"asset\", \"fault\", \"onset_s\", \"growth_per_s\", \"severity\"}} objects");
            }

            var faults = new List<SimulatedFault>();
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                index++;
                var where = $"--faults file '{path}' entry {index}";
                if (element.ValueKind != JsonValueKind.Object)
                {
                    throw new CliInputException($"{where}: expected an object");
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name is not ("asset" or "fault" or "onset_s" or "growth_per_s" or "severity"))
                    {
                        throw new CliInputException($"{where}: unknown field '{property.Name}' (fields: asset, fault, onset_s, growth_per_s, severity)");
                    }
                }

                faults.Add(Checked(
                    where,
                    RequiredString(element, "asset", where),
                    RequiredString(element, "fault", where),
                    OptionalNumber(element, "onset_s", 0, where),
                    OptionalNumber(element, "growth_per_s", 0, where),
                    OptionalNumber(element, "severity", DefaultInitialSeverity, where)));
            }

            if (faults.Count == 0)
            {
                throw new CliInputException($"--faults file '{path}' lists no faults");
            }

            return faults;
        }
    }

    private static SimulatedFault Checked(string where, string asset, string fault, double onsetSeconds, double growthPerSecond, double severity)
    {
        var name = fault.ToLowerInvariant();
        if (!FaultNames.Contains(name))
        {
            throw new CliInputException($"{where}: unknown fault '{fault}' (use {string.Join(", ", FaultNames)})");
        }

        if (!(onsetSeconds >= 0) || !double.IsFinite(onsetSeconds))
        {
            throw new CliInputException($"{where}: onset must be a number of seconds of at least 0");
        }

        if (!(growthPerSecond >= 0) || !double.IsFinite(growthPerSecond))
        {
            throw new CliInputException($"{where}: growth must be a severity per second of at least 0");
        }

        if (!(severity is >= 0 and <= 1))
        {
            throw new CliInputException($"{where}: severity must be from 0 to 1");
        }

        return new SimulatedFault(asset, name, onsetSeconds, growthPerSecond, severity);
    }

    private static void RequireAssetInFleet(string asset, int nodeCount)
    {
        const string Prefix = "asset-";
        if (asset.StartsWith(Prefix, StringComparison.Ordinal)
            && int.TryParse(asset.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= nodeCount
            && string.Equals(AssetId(number - 1), asset, StringComparison.Ordinal))
        {
            return;
        }

        throw new CliInputException($"--faults names asset '{asset}', but the fleet has {AssetId(0)} to {AssetId(nodeCount - 1)}");
    }

    private static string RequiredString(JsonElement element, string name, string where) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new CliInputException($"{where}: \"{name}\" must be a non-empty string");

    private static double OptionalNumber(JsonElement element, string name, double fallback, string where)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return fallback;
        }

        return value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw new CliInputException($"{where}: \"{name}\" must be a number");
    }
}
