using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Retrosense.Recordings.Csv;

namespace Retrosense.Recordings;

/// <summary>
/// Reads one numeric column of a delimited text file (comma, semicolon or tab, detected from the first line) as a signal.
/// A first row with any non-numeric field is the header. Numbers use the invariant culture (decimal point).
/// </summary>
public static class CsvSignal
{
    /// <summary>
    /// The values of the column named <paramref name="columnName"/> (or, in a file without a header, numbered from 1),
    /// or of the first column whose first value is a number when <paramref name="columnName"/> is null.
    /// </summary>
    /// <exception cref="RecordingFormatException">Empty file, unknown column, a cell that is not a finite number, a short row.</exception>
    public static double[] ReadColumn(string path, string? columnName) => Read(path, columnName).Values;

    /// <summary>As <see cref="ReadColumn"/>, with the name of the column that was read (useful when none was asked for).</summary>
    /// <exception cref="RecordingFormatException">Empty file, unknown column, a cell that is not a finite number, a short row.</exception>
    public static CsvColumn Read(string path, string? columnName)
    {
        string text;
        using (var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            text = reader.ReadToEnd();
        }

        text = text.TrimStart('\uFEFF');
        var delimiter = CsvRecordReader.DetectDelimiter(text);
        var records = CsvRecordReader.ReadAll(text, delimiter, out var unclosedQuoteLine);
        if (unclosedQuoteLine > 0)
        {
            throw new RecordingFormatException($"{path}: line {unclosedQuoteLine}: a quoted field is never closed");
        }

        if (records.Count == 0)
        {
            throw new RecordingFormatException($"{path}: empty file: no rows");
        }

        var hasHeader = records[0].Fields.Any(field => !IsNumber(field));
        var header = hasHeader ? records[0].Fields.Select(field => field.Trim()).ToArray() : null;
        var dataRows = hasHeader ? records.Skip(1).ToList() : records;
        if (dataRows.Count == 0)
        {
            throw new RecordingFormatException($"{path}: empty file: a header row but no data rows");
        }

        var columnCount = header?.Length ?? records[0].Fields.Count;
        var column = columnName is null
            ? FirstNumericColumn(path, dataRows[0], columnCount)
            : FindColumn(path, columnName, header, columnCount);
        var label = header is null ? (column + 1).ToString(CultureInfo.InvariantCulture) : $"'{header[column]}'";

        var values = new double[dataRows.Count];
        for (var row = 0; row < dataRows.Count; row++)
        {
            var record = dataRows[row];
            if (column >= record.Fields.Count)
            {
                throw new RecordingFormatException($"{path}: line {record.LineNumber} has {record.Fields.Count} fields, column {label} is field {column + 1}");
            }

            var cell = record.Fields[column];
            if (!TryParse(cell, out values[row]))
            {
                throw new RecordingFormatException($"{path}: line {record.LineNumber}, column {label}: '{cell}' is not a number");
            }
        }

        return new CsvColumn(header is null ? (column + 1).ToString(CultureInfo.InvariantCulture) : header[column], values);
    }

    private static int FindColumn(string path, string columnName, string[]? header, int columnCount)
    {
        if (header is not null)
        {
            var index = Array.FindIndex(header, name => string.Equals(name, columnName, StringComparison.Ordinal));
            if (index < 0)
            {
                index = Array.FindIndex(header, name => string.Equals(name, columnName, StringComparison.OrdinalIgnoreCase));
            }

            if (index < 0)
            {
                throw new RecordingFormatException($"{path}: column '{columnName}' not found; the file has: {string.Join(", ", header)}");
            }

            return index;
        }

        if (int.TryParse(columnName, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= columnCount)
        {
            return number - 1;
        }

        throw new RecordingFormatException($"{path}: column '{columnName}' not found; the file has no header row, so columns are numbered 1 to {columnCount}");
    }

    private static int FirstNumericColumn(string path, CsvRecord firstDataRow, int columnCount)
    {
        for (var column = 0; column < Math.Min(columnCount, firstDataRow.Fields.Count); column++)
        {
            if (IsNumber(firstDataRow.Fields[column]))
            {
                return column;
            }
        }

        throw new RecordingFormatException($"{path}: no numeric column: line {firstDataRow.LineNumber} has no number in any field");
    }

    private static bool IsNumber(string field) => TryParse(field, out _);

    private static bool TryParse(string field, out double value) =>
        double.TryParse(field.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
