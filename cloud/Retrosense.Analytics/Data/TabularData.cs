using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Retrosense.Analytics.Data;

/// <summary>
/// A table read from a delimited text file: named columns of cells kept as text, read as numbers or text on demand,
/// with the file line of every row so errors can point at it. Numbers use the invariant culture (decimal point).
/// Immutable; <see cref="SelectRows"/> makes subsets (splits, folds) that keep the original line numbers.
/// </summary>
public sealed class TabularData
{
    private readonly string[][] _cells;
    private readonly int[] _lineNumbers;
    private readonly Dictionary<string, int> _columnIndex;
    private readonly TabularColumnKind?[] _kinds;

    internal TabularData(string sourceName, char delimiter, string[] columnNames, string[][] cells, int[] lineNumbers, string contentSha256)
    {
        SourceName = sourceName;
        Delimiter = delimiter;
        ColumnNames = columnNames;
        _cells = cells;
        _lineNumbers = lineNumbers;
        ContentSha256 = contentSha256;
        _kinds = new TabularColumnKind?[columnNames.Length];
        _columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var column = 0; column < columnNames.Length; column++)
        {
            _columnIndex[columnNames[column]] = column;
        }
    }

    /// <summary>The file path, or the name given to text read from elsewhere; every error message starts with it.</summary>
    public string SourceName { get; }

    /// <summary>The field delimiter found (or given).</summary>
    public char Delimiter { get; }

    /// <summary>Header names in file order (an empty header cell is named <c>column_N</c>, 1-based).</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>Data rows (the header and blank lines not counted).</summary>
    public int RowCount => _lineNumbers.Length;

    /// <summary>SHA-256 of the bytes read, lower-case hex: identifies the training data in a model package.</summary>
    public string ContentSha256 { get; }

    /// <summary>The 1-based file line where data row <paramref name="row"/> starts.</summary>
    public int LineNumberOf(int row) => _lineNumbers[row];

    public bool HasColumn(string name) => TryFindColumn(name, out _);

    /// <summary>
    /// The index of column <paramref name="name"/>: an exact match, else the only case-insensitive one.
    /// </summary>
    /// <exception cref="TabularDataException">No such column; the message lists the file's columns.</exception>
    public int ColumnIndex(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (TryFindColumn(name, out var index))
        {
            return index;
        }

        throw new TabularDataException(SourceName, 0, name, $"no such column; the file has: {string.Join(", ", ColumnNames)}");
    }

    /// <summary>The cell at <paramref name="row"/> of column <paramref name="column"/> as written (unquoted, unquoted fields trimmed).</summary>
    public string Cell(int row, int column) => _cells[column][row];

    /// <summary>Whether every non-missing cell of the column is a number, some are text, or all are missing.</summary>
    public TabularColumnKind KindOf(string name)
    {
        var column = ColumnIndex(name);
        return _kinds[column] ??= JudgeKind(_cells[column]);
    }

    /// <summary>Cells of the column that are missing (<see cref="MissingValues"/>).</summary>
    public int CountMissing(string name) => _cells[ColumnIndex(name)].Count(MissingValues.IsMissing);

    /// <summary>The column as numbers, <see cref="double.NaN"/> where a cell is missing.</summary>
    /// <exception cref="TabularDataException">A cell that is not a finite number, with its line.</exception>
    public double[] ReadDoubles(string name)
    {
        var column = ColumnIndex(name);
        var cells = _cells[column];
        var values = new double[cells.Length];
        for (var row = 0; row < cells.Length; row++)
        {
            values[row] = ParseNumber(cells[row], row, column);
        }

        return values;
    }

    /// <summary>The column as single-precision numbers (what ML.NET trains on), <see cref="float.NaN"/> where missing.</summary>
    /// <exception cref="TabularDataException">A cell that is not a finite number, with its line.</exception>
    public float[] ReadSingles(string name)
    {
        var column = ColumnIndex(name);
        var cells = _cells[column];
        var values = new float[cells.Length];
        for (var row = 0; row < cells.Length; row++)
        {
            values[row] = (float)ParseNumber(cells[row], row, column);
        }

        return values;
    }

    /// <summary>As <see cref="ReadDoubles"/>, refusing missing cells.</summary>
    /// <exception cref="TabularDataException">A missing cell or one that is not a number, with its line.</exception>
    public double[] ReadCompleteDoubles(string name)
    {
        var values = ReadDoubles(name);
        var missing = Array.FindIndex(values, double.IsNaN);
        if (missing >= 0)
        {
            throw new TabularDataException(SourceName, _lineNumbers[missing], ColumnNames[ColumnIndex(name)], "missing value");
        }

        return values;
    }

    /// <summary>The column as text, null where a cell is missing.</summary>
    public string?[] ReadTexts(string name)
    {
        var cells = _cells[ColumnIndex(name)];
        var values = new string?[cells.Length];
        for (var row = 0; row < cells.Length; row++)
        {
            values[row] = MissingValues.IsMissing(cells[row]) ? null : cells[row];
        }

        return values;
    }

    /// <summary>The rows at <paramref name="rows"/> (in that order) as a new table with the same columns, source, hash and line numbers.</summary>
    public TabularData SelectRows(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var cells = new string[_cells.Length][];
        for (var column = 0; column < cells.Length; column++)
        {
            var source = _cells[column];
            var selected = new string[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                selected[i] = source[rows[i]];
            }

            cells[column] = selected;
        }

        var lines = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            lines[i] = _lineNumbers[rows[i]];
        }

        return new TabularData(SourceName, Delimiter, ColumnNames.ToArray(), cells, lines, ContentSha256);
    }

    /// <summary>Parses one cell as the loader does: invariant culture, finite, missing markers as NaN.</summary>
    public static bool TryParseNumber(string cell, out double value)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (MissingValues.IsMissing(cell))
        {
            value = double.NaN;
            return true;
        }

        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    private double ParseNumber(string cell, int row, int column)
    {
        if (TryParseNumber(cell, out var value))
        {
            return value;
        }

        // A semicolon file from a spreadsheet in a comma-decimal locale is the usual cause: say so.
        var hint = Delimiter != ',' && cell.Contains(',', StringComparison.Ordinal) ? " (numbers need a decimal point, not a comma)" : string.Empty;
        throw new TabularDataException(SourceName, _lineNumbers[row], ColumnNames[column], $"'{cell}' is not a number{hint}");
    }

    private bool TryFindColumn(string name, out int index)
    {
        if (_columnIndex.TryGetValue(name, out index))
        {
            return true;
        }

        var matches = ColumnNames.Select((columnName, i) => (columnName, i))
            .Where(pair => string.Equals(pair.columnName, name.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToArray();
        index = matches.Length == 1 ? matches[0].i : -1;
        return matches.Length == 1;
    }

    private static TabularColumnKind JudgeKind(string[] cells)
    {
        var sawValue = false;
        foreach (var cell in cells)
        {
            if (MissingValues.IsMissing(cell))
            {
                continue;
            }

            if (!TryParseNumber(cell, out _))
            {
                return TabularColumnKind.Text;
            }

            sawValue = true;
        }

        return sawValue ? TabularColumnKind.Numeric : TabularColumnKind.Empty;
    }
}
