using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Retrosense.Analytics.FailureRisk;

/// <summary>
/// Reads a labelled history in the AI4I 2020 layout (Matzka 2020; see ../shared/data/ai4i2020/README.md): columns found by
/// header name, so their order does not matter and extra columns (UDI, Product ID) are ignored. The delimiter (comma,
/// semicolon, tab) is detected from the header; quoted fields, a byte-order mark and CRLF are accepted (issue 5 §9).
/// Header names match ignoring case, spaces, brackets and underscores ("Machine_failure" = "Machine failure").
/// </summary>
public static class Ai4iCsvReader
{
    public const string TypeColumn = "Type";
    public const string AirTemperatureColumn = "Air temperature [K]";
    public const string ProcessTemperatureColumn = "Process temperature [K]";
    public const string RotationalSpeedColumn = "Rotational speed [rpm]";
    public const string TorqueColumn = "Torque [Nm]";
    public const string ToolWearColumn = "Tool wear [min]";
    public const string MachineFailureColumn = "Machine failure";

    private static readonly FailureMode[] AllModes = Enum.GetValues<FailureMode>();

    public static IReadOnlyList<LabelledMachineRun> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FailureRiskDataException($"{path}: file not found");
        }

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path);
    }

    /// <param name="source">Named in error messages (a file path).</param>
    public static IReadOnlyList<LabelledMachineRun> Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var headerLine = reader.ReadLine();
        if (headerLine is null)
        {
            throw new FailureRiskDataException($"{source}: the file is empty");
        }

        headerLine = headerLine.TrimStart('\uFEFF');
        var delimiter = DetectDelimiter(headerLine);
        var header = SplitFields(headerLine, delimiter, source, 1);
        var typeIndex = RequireColumn(header, TypeColumn, source);
        var numericColumns = new[] { AirTemperatureColumn, ProcessTemperatureColumn, RotationalSpeedColumn, TorqueColumn, ToolWearColumn }
            .Select(name => (Name: name, Index: RequireColumn(header, name, source)))
            .ToArray();
        var failureIndex = RequireColumn(header, MachineFailureColumn, source);
        var modeIndexes = AllModes.Select(mode => (Mode: mode, Index: RequireColumn(header, FailureModeCodes.Of(mode), source))).ToArray();

        var runs = new List<LabelledMachineRun>();
        var lineNumber = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = SplitFields(line, delimiter, source, lineNumber);
            if (fields.Count != header.Count)
            {
                throw new FailureRiskDataException($"{source} line {lineNumber}: {fields.Count} fields where the header has {header.Count}");
            }

            var quality = ParseQuality(fields[typeIndex], source, lineNumber);
            var values = numericColumns.Select(column => ParseNumber(fields[column.Index], column.Name, delimiter, source, lineNumber)).ToArray();
            var machineFailure = ParseFlag(fields[failureIndex], MachineFailureColumn, source, lineNumber);
            var modes = new HashSet<FailureMode>();
            foreach (var (mode, index) in modeIndexes)
            {
                if (ParseFlag(fields[index], FailureModeCodes.Of(mode), source, lineNumber))
                {
                    modes.Add(mode);
                }
            }

            var run = new MachineRun(quality, values[0], values[1], values[2], values[3], values[4]);
            runs.Add(new LabelledMachineRun(run, machineFailure, modes));
        }

        if (runs.Count == 0)
        {
            throw new FailureRiskDataException($"{source}: no data rows after the header");
        }

        return runs;
    }

    private static char DetectDelimiter(string headerLine)
    {
        var candidates = new[] { ',', ';', '\t' };
        var counts = candidates.Select(candidate => CountOutsideQuotes(headerLine, candidate)).ToArray();
        var best = Array.IndexOf(counts, counts.Max());
        return counts[best] == 0 ? ',' : candidates[best];
    }

    private static int CountOutsideQuotes(string line, char delimiter)
    {
        var count = 0;
        var quoted = false;
        foreach (var character in line)
        {
            if (character == '"')
            {
                quoted = !quoted;
            }
            else if (character == delimiter && !quoted)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>RFC 4180 fields of one line: quotes around a field, "" for a quote inside it.</summary>
    private static List<string> SplitFields(string line, char delimiter, string source, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var index = 0; index < line.Length; index++)
        {
            var character = line[index];
            if (quoted)
            {
                if (character == '"' && index + 1 < line.Length && line[index + 1] == '"')
                {
                    field.Append('"');
                    index++;
                }
                else if (character == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(character);
                }
            }
            else if (character == '"')
            {
                quoted = true;
            }
            else if (character == delimiter)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(character);
            }
        }

        if (quoted)
        {
            throw new FailureRiskDataException($"{source} line {lineNumber}: a quoted field is not closed");
        }

        fields.Add(field.ToString().Trim());
        return fields;
    }

    private static int RequireColumn(List<string> header, string name, string source)
    {
        var wanted = Normalise(name);
        var index = header.FindIndex(column => Normalise(column) == wanted);
        if (index < 0)
        {
            throw new FailureRiskDataException($"{source}: missing column '{name}' (the AI4I 2020 layout needs {TypeColumn}, {AirTemperatureColumn}, {ProcessTemperatureColumn}, {RotationalSpeedColumn}, {TorqueColumn}, {ToolWearColumn}, {MachineFailureColumn}, TWF, HDF, PWF, OSF, RNF)");
        }

        return index;
    }

    private static string Normalise(string name) =>
        new string(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static ProductQuality ParseQuality(string text, string source, int lineNumber) => text.ToUpperInvariant() switch
    {
        "L" => ProductQuality.Low,
        "M" => ProductQuality.Medium,
        "H" => ProductQuality.High,
        _ => throw new FailureRiskDataException($"{source} line {lineNumber}: column '{TypeColumn}' is '{text}', expected L, M or H"),
    };

    private static double ParseNumber(string text, string column, char delimiter, string source, int lineNumber)
    {
        // A semicolon- or tab-separated file may come from a locale that writes a decimal comma.
        var normalised = delimiter == ',' ? text : text.Replace(',', '.');
        if (double.TryParse(normalised, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        throw new FailureRiskDataException($"{source} line {lineNumber}: column '{column}' is '{text}', not a finite number");
    }

    private static bool ParseFlag(string text, string column, string source, int lineNumber) => text.ToLowerInvariant() switch
    {
        "0" or "false" => false,
        "1" or "true" => true,
        _ => throw new FailureRiskDataException($"{source} line {lineNumber}: column '{column}' is '{text}', expected 0 or 1"),
    };
}
