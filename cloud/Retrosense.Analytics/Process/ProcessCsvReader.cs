using System;
using System.IO;
using System.Linq;
using Retrosense.Analytics.Data;

namespace Retrosense.Analytics.Process;

/// <summary>
/// Reads a delimited export into a <see cref="ProcessTable"/> through the shared loader (<see cref="DelimitedTextReader"/>:
/// semicolon, comma or tab detected, RFC 4180 quotes, BOM). Semicolons matter: plant exports in European locales (the
/// tablet data of Žagar &amp; Mihelič 2022) use them. Loader errors become <see cref="ProcessInputException"/>s.
/// </summary>
public static class ProcessCsvReader
{
    public static ProcessTable Read(string path)
    {
        try
        {
            return From(DelimitedTextReader.ReadFile(path));
        }
        catch (TabularDataException exception)
        {
            throw new ProcessInputException(exception.Message, exception);
        }
    }

    public static ProcessTable Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        try
        {
            return From(DelimitedTextReader.ReadText(reader.ReadToEnd(), source));
        }
        catch (TabularDataException exception)
        {
            throw new ProcessInputException(exception.Message, exception);
        }
    }

    private static ProcessTable From(TabularData data)
    {
        if (data.RowCount == 0)
        {
            throw new ProcessInputException($"{data.SourceName}: no data rows after the header");
        }

        var columns = data.ColumnNames.Select(c => c.Trim()).ToArray();
        var rows = Enumerable.Range(0, data.RowCount).Select(row => Enumerable.Range(0, columns.Length).Select(column => data.Cell(row, column)).ToArray()).ToArray();
        return new ProcessTable(data.SourceName, columns, rows);
    }
}
