using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Retrosense.Analytics.Data;

namespace Retrosense.Analytics.FailureRisk;

/// <summary>
/// Reads a labelled history in the AI4I 2020 layout (Matzka 2020; see ../shared/data/ai4i2020/README.md): columns found by
/// header name, so their order does not matter and extra columns (UDI, Product ID) are ignored. The delimiter (comma,
/// semicolon, tab) is detected from the header; quoted fields, a byte-order mark and CRLF are accepted (issue 5 §9) by the
/// shared <see cref="DelimitedTextReader"/>; a semicolon or tab file may write decimal commas.
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
        return Convert(() => DelimitedTextReader.ReadFile(path));
    }

    /// <param name="source">Named in error messages (a file path).</param>
    public static IReadOnlyList<LabelledMachineRun> ReadText(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert(() => DelimitedTextReader.ReadText(text, source));
    }

    /// <summary>The shared loader (Data/) tokenises; this maps the AI4I columns and reports its errors as data errors.</summary>
    private static IReadOnlyList<LabelledMachineRun> Convert(Func<TabularData> read)
    {
        TabularData table;
        try
        {
            table = read();
        }
        catch (TabularDataException exception)
        {
            throw new FailureRiskDataException(exception.Message, exception);
        }

        return Read(table);
    }

    private static List<LabelledMachineRun> Read(TabularData table)
    {
        var source = table.SourceName;
        var header = table.ColumnNames.ToList();
        var delimiter = table.Delimiter;
        var typeIndex = RequireColumn(header, TypeColumn, source);
        var numericColumns = new[] { AirTemperatureColumn, ProcessTemperatureColumn, RotationalSpeedColumn, TorqueColumn, ToolWearColumn }
            .Select(name => (Name: name, Index: RequireColumn(header, name, source)))
            .ToArray();
        var failureIndex = RequireColumn(header, MachineFailureColumn, source);
        var modeIndexes = AllModes.Select(mode => (Mode: mode, Index: RequireColumn(header, FailureModeCodes.Of(mode), source))).ToArray();
        if (table.RowCount == 0)
        {
            throw new FailureRiskDataException($"{source}: no data rows after the header");
        }

        var runs = new List<LabelledMachineRun>(table.RowCount);
        for (var row = 0; row < table.RowCount; row++)
        {
            var lineNumber = table.LineNumberOf(row);
            var quality = ParseQuality(table.Cell(row, typeIndex), source, lineNumber);
            var values = numericColumns.Select(column => ParseNumber(table.Cell(row, column.Index), column.Name, delimiter, source, lineNumber)).ToArray();
            var machineFailure = ParseFlag(table.Cell(row, failureIndex), MachineFailureColumn, source, lineNumber);
            var modes = new HashSet<FailureMode>();
            foreach (var (mode, index) in modeIndexes)
            {
                if (ParseFlag(table.Cell(row, index), FailureModeCodes.Of(mode), source, lineNumber))
                {
                    modes.Add(mode);
                }
            }

            var run = new MachineRun(quality, values[0], values[1], values[2], values[3], values[4]);
            runs.Add(new LabelledMachineRun(run, machineFailure, modes));
        }

        return runs;
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
