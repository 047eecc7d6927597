using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Retrosense.Analytics.Process;

namespace Retrosense.Cli.Commands;

/// <summary>
/// Parses the <c>retrosense process</c> list options: column lists (<c>a,b,c</c>), settings (<c>k=v,k=v</c>) and bounds
/// (<c>k=lo:hi,…</c>). Names may hold spaces (quote the option); numbers are invariant culture (<c>.</c> decimals).
/// </summary>
internal static class ProcessSettingList
{
    public static IReadOnlyList<string> Columns(string option, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var names = text.Split(',').Select(name => name.Trim()).ToArray();
        if (names.Any(name => name.Length == 0))
        {
            throw new CliInputException($"{option}: an empty column name in '{text}'");
        }

        return names;
    }

    public static Dictionary<string, double> Values(string option, string? text)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in Pairs(option, text))
        {
            result[key] = Number(option, key, value);
        }

        return result;
    }

    public static Dictionary<string, ProcessBounds> Bounds(string option, string? text)
    {
        var result = new Dictionary<string, ProcessBounds>(StringComparer.Ordinal);
        foreach (var (key, value) in Pairs(option, text))
        {
            var colon = value.IndexOf(':', 1);
            if (colon < 0)
            {
                throw new CliInputException($"{option}: '{key}={value}' is not LOW:HIGH");
            }

            result[key] = new ProcessBounds(Number(option, key, value[..colon]), Number(option, key, value[(colon + 1)..]));
        }

        return result;
    }

    private static IEnumerable<(string Key, string Value)> Pairs(string option, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in text.Split(','))
        {
            var equals = part.LastIndexOf('=');
            if (equals <= 0 || equals == part.Length - 1)
            {
                throw new CliInputException($"{option}: '{part.Trim()}' is not NAME=VALUE");
            }

            var key = part[..equals].Trim();
            if (!seen.Add(key))
            {
                throw new CliInputException($"{option}: '{key}' is given twice");
            }

            yield return (key, part[(equals + 1)..].Trim());
        }
    }

    private static double Number(string option, string key, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new CliInputException($"{option}: the value of '{key}' is not a number: '{text}'");
}
