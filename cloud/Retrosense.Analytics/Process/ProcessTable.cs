using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Retrosense.Analytics.Process;

/// <summary>
/// A table of process records as text cells (one row per batch or per time step), read from a company's export.
/// Cells stay text until a column is chosen as a number, so identifiers like <c>5MG</c> or <c>nov.18</c> can sit beside numbers.
/// </summary>
public sealed class ProcessTable
{
    private readonly Dictionary<string, int> _columnIndex;

    public ProcessTable(string source, IReadOnlyList<string> columns, IReadOnlyList<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        Source = source;
        Columns = columns;
        Rows = rows;
        _columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            if (!_columnIndex.TryAdd(columns[i], i))
            {
                throw new ProcessInputException($"{source}: column '{columns[i]}' appears twice in the header");
            }
        }
    }

    /// <summary>Where the table came from (a file path), for error messages.</summary>
    public string Source { get; }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<string[]> Rows { get; }

    public int RowCount => Rows.Count;

    public bool HasColumn(string column) => _columnIndex.ContainsKey(column);

    /// <summary>The column's position, or a <see cref="ProcessInputException"/> naming the columns that do exist.</summary>
    public int IndexOf(string column)
    {
        if (_columnIndex.TryGetValue(column, out var index))
        {
            return index;
        }

        var near = Columns.Where(c => c.Contains(column, StringComparison.OrdinalIgnoreCase) || column.Contains(c, StringComparison.OrdinalIgnoreCase)).Take(3).ToArray();
        var hint = near.Length > 0 ? $" (did you mean {string.Join(", ", near.Select(c => $"'{c}'"))}?)" : string.Empty;
        throw new ProcessInputException($"unknown column '{column}' in {Source}{hint}; it has {Columns.Count} columns: {string.Join(", ", Columns.Take(12))}{(Columns.Count > 12 ? ", ..." : string.Empty)}");
    }

    public string Cell(int row, string column) => Rows[row][IndexOf(column)];

    /// <summary>
    /// A numeric column: empty cells become NaN (missing); any other text that is not an invariant-culture number is an
    /// error naming the row and the text, because a silently dropped "1,5" would change the model.
    /// </summary>
    public double[] Numeric(string column)
    {
        var index = IndexOf(column);
        var values = new double[Rows.Count];
        for (var row = 0; row < Rows.Count; row++)
        {
            var text = Rows[row][index].Trim();
            if (text.Length == 0 || text.Equals("NA", StringComparison.OrdinalIgnoreCase) || text.Equals("NaN", StringComparison.OrdinalIgnoreCase))
            {
                values[row] = double.NaN;
            }
            else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                values[row] = value;
            }
            else
            {
                throw new ProcessInputException($"{Source}: column '{column}' is not numeric: row {row + 2} holds '{text}'");
            }
        }

        return values;
    }

    /// <summary>
    /// Adds the columns of <paramref name="other"/> to each row whose <paramref name="on"/> key matches (inner join, one
    /// match per key). A column both tables have is kept once when the values agree and refused when they differ.
    /// </summary>
    public ProcessTable Join(ProcessTable other, string on)
    {
        ArgumentNullException.ThrowIfNull(other);
        var leftKey = IndexOf(on);
        var rightKey = other.IndexOf(on);
        var rightByKey = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var row in other.Rows)
        {
            if (!rightByKey.TryAdd(row[rightKey].Trim(), row))
            {
                throw new ProcessInputException($"{other.Source}: join key {on} = '{row[rightKey]}' appears more than once");
            }
        }

        var shared = other.Columns.Select((name, index) => (name, index)).Where(c => HasColumn(c.name) && c.index != rightKey).ToArray();
        var added = other.Columns.Select((name, index) => (name, index)).Where(c => !HasColumn(c.name)).ToArray();
        var columns = Columns.Concat(added.Select(c => c.name)).ToArray();
        var rows = new List<string[]>(Rows.Count);
        foreach (var row in Rows)
        {
            if (!rightByKey.TryGetValue(row[leftKey].Trim(), out var match))
            {
                continue;
            }

            foreach (var (name, index) in shared)
            {
                if (!string.Equals(row[IndexOf(name)].Trim(), match[index].Trim(), StringComparison.Ordinal))
                {
                    throw new ProcessInputException($"{Source} and {other.Source} disagree on column '{name}' for {on} = '{row[leftKey]}' ('{row[IndexOf(name)]}' vs '{match[index]}')");
                }
            }

            rows.Add(row.Concat(added.Select(c => match[c.index])).ToArray());
        }

        if (rows.Count == 0)
        {
            throw new ProcessInputException($"no {on} value of {Source} matches one in {other.Source}");
        }

        return new ProcessTable($"{Source} + {other.Source}", columns, rows);
    }
}
