using System;

namespace Retrosense.Analytics.Data;

/// <summary>
/// A delimited text file that cannot be used as asked: empty, ragged, an unknown column, a cell that is not a number. The
/// message names the file, and the line and column where there is one, so a CLI can print it as its one error line.
/// </summary>
public sealed class TabularDataException : Exception
{
    public TabularDataException(string message)
        : base(message)
    {
    }

    public TabularDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TabularDataException()
    {
    }

    public TabularDataException(string sourceName, int lineNumber, string? columnName, string problem)
        : base(Compose(sourceName, lineNumber, columnName, problem))
    {
        SourceName = sourceName;
        LineNumber = lineNumber;
        ColumnName = columnName;
    }

    /// <summary>The file path (or the name given to text read from elsewhere), when known.</summary>
    public string? SourceName { get; }

    /// <summary>1-based line in the file where the problem is, 0 when it concerns the whole file.</summary>
    public int LineNumber { get; }

    /// <summary>The column concerned, when one is.</summary>
    public string? ColumnName { get; }

    private static string Compose(string sourceName, int lineNumber, string? columnName, string problem)
    {
        var where = (lineNumber > 0, columnName is not null) switch
        {
            (true, true) => $"{sourceName}: line {lineNumber}, column '{columnName}'",
            (true, false) => $"{sourceName}: line {lineNumber}",
            (false, true) => $"{sourceName}: column '{columnName}'",
            _ => sourceName,
        };
        return $"{where}: {problem}";
    }
}
