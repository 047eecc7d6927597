using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Retrosense.Analytics.Rul.Cmapss;

/// <summary>
/// Reads NASA C-MAPSS files (Saxena et al. 2008; format in /work/shared/data/cmapss/README.md and NASA's readme.txt):
/// train/test files hold 26 whitespace-separated numbers per line (unit, cycle, 3 operational settings, 21 sensors),
/// the RUL file one number per test unit. Any deviation is refused with the file, line and what was wrong.
/// </summary>
public static class CmapssReader
{
    private static readonly char[] Separators = [' ', '\t'];

    /// <summary>Reads a train or test file: every unit's cycles, units in file order.</summary>
    /// <exception cref="CmapssFormatException">Missing file, wrong column count, a non-number, a unit split in two, cycles not ascending, no rows.</exception>
    public static IReadOnlyList<CmapssUnit> ReadTrajectories(string path)
    {
        var units = new List<CmapssUnit>();
        var seenUnits = new HashSet<int>();
        List<CmapssCycle>? current = null;
        var currentUnit = 0;
        var lineNumber = 0;
        foreach (var line in ReadLines(path))
        {
            lineNumber++;
            var tokens = line.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0)
            {
                continue;
            }

            if (tokens.Length != CmapssCycle.ColumnCount)
            {
                var hint = tokens.Length == 1 ? " (is this a RUL file? pass it with --rul)" : string.Empty;
                throw new CmapssFormatException($"{path}:{lineNumber}: expected {CmapssCycle.ColumnCount} whitespace-separated numbers (unit, cycle, 3 operational settings, 21 sensors), found {tokens.Length}{hint}");
            }

            var numbers = new double[CmapssCycle.ColumnCount];
            for (var column = 0; column < tokens.Length; column++)
            {
                numbers[column] = ParseNumber(tokens[column], path, lineNumber, column + 1);
            }

            var unit = ParsePositiveInteger(numbers[0], tokens[0], path, lineNumber, "unit number");
            var cycle = ParsePositiveInteger(numbers[1], tokens[1], path, lineNumber, "cycle");
            if (current is null || unit != currentUnit)
            {
                if (!seenUnits.Add(unit))
                {
                    throw new CmapssFormatException($"{path}:{lineNumber}: unit {unit} appears again after other units; a unit's cycles must be consecutive lines");
                }

                if (current is not null)
                {
                    units.Add(new CmapssUnit(currentUnit, current));
                }

                current = [];
                currentUnit = unit;
            }
            else if (cycle <= current[^1].Cycle)
            {
                throw new CmapssFormatException($"{path}:{lineNumber}: unit {unit} cycle {cycle} does not follow cycle {current[^1].Cycle}; cycles must ascend");
            }

            current.Add(new CmapssCycle(cycle, numbers[2..5], numbers[5..]));
        }

        if (current is null)
        {
            throw new CmapssFormatException($"{path}: no data rows");
        }

        units.Add(new CmapssUnit(currentUnit, current));
        return units;
    }

    /// <summary>Reads a RUL file: the true remaining cycles after the last test cycle of each unit, in test-file unit order.</summary>
    /// <exception cref="CmapssFormatException">Missing file, a line with more than one value, a negative or non-numeric value, no values.</exception>
    public static IReadOnlyList<double> ReadRemainingUsefulLife(string path)
    {
        var values = new List<double>();
        var lineNumber = 0;
        foreach (var line in ReadLines(path))
        {
            lineNumber++;
            var tokens = line.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0)
            {
                continue;
            }

            if (tokens.Length != 1)
            {
                throw new CmapssFormatException($"{path}:{lineNumber}: a RUL file holds one number per line (one per test unit), found {tokens.Length} values");
            }

            var value = ParseNumber(tokens[0], path, lineNumber, 1);
            if (value < 0)
            {
                throw new CmapssFormatException($"{path}:{lineNumber}: remaining useful life {tokens[0]} is negative");
            }

            values.Add(value);
        }

        return values.Count > 0 ? values : throw new CmapssFormatException($"{path}: no RUL values");
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        if (!File.Exists(path))
        {
            throw new CmapssFormatException($"{path}: file not found");
        }

        return File.ReadLines(path);
    }

    private static double ParseNumber(string token, string path, int lineNumber, int column)
    {
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        throw new CmapssFormatException($"{path}:{lineNumber}: column {column} '{token}' is not a finite number");
    }

    private static int ParsePositiveInteger(double value, string token, string path, int lineNumber, string what)
    {
        if (value >= 1 && value <= int.MaxValue && Math.Floor(value) == value)
        {
            return (int)value;
        }

        throw new CmapssFormatException($"{path}:{lineNumber}: {what} '{token}' is not a positive whole number");
    }
}
