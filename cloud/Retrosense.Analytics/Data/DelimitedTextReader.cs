using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Retrosense.Analytics.Data;

/// <summary>
/// Reads a delimited text file with a header row into a <see cref="TabularData"/>: comma, semicolon or tab (detected from
/// the header line), RFC 4180 quoting (delimiters, line breaks and doubled quotes inside double quotes), a UTF-8
/// byte-order mark, CRLF, LF or CR line ends; blank lines are skipped. Every row must have as many fields as the header.
/// </summary>
/// <remarks>
/// Hand-written rather than a CSV package (CsvHelper 34, Sep 0.17 and Sylvan 1.4 are served here): the whole job is one
/// pass over a string, the files are company exports and public datasets of at most a few hundred thousand rows (AI4I's
/// 10,000 rows read in milliseconds), and owning the scanner lets every error name the file, the line and the column.
/// </remarks>
public static class DelimitedTextReader
{
    /// <summary>Reads <paramref name="path"/>; the table's <see cref="TabularData.ContentSha256"/> is the hash of the file's bytes.</summary>
    /// <exception cref="TabularDataException">The file is missing, empty, ragged or its quoting is broken.</exception>
    public static TabularData ReadFile(string path, char? delimiter = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new TabularDataException($"{path}: file not found", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new TabularDataException($"{path}: cannot read the file: {exception.Message}", exception);
        }

        return ReadBytes(bytes, path, delimiter);
    }

    /// <summary>Reads UTF-8 <paramref name="bytes"/> (with or without a byte-order mark); <paramref name="sourceName"/> is used in errors.</summary>
    public static TabularData ReadBytes(byte[] bytes, string sourceName, char? delimiter = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(bytes);
        return Parse(text, sourceName, delimiter, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>Reads <paramref name="text"/>; the hash is of its UTF-8 bytes.</summary>
    public static TabularData ReadText(string text, string sourceName, char? delimiter = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ReadBytes(Encoding.UTF8.GetBytes(text), sourceName, delimiter);
    }

    /// <summary>
    /// The delimiter of the header line: whichever of tab, semicolon and comma occurs most often outside quotes (ties go to
    /// tab, then semicolon, since files using them often hold commas in text or as the decimal separator); comma when none does.
    /// </summary>
    public static char DetectDelimiter(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int tabs = 0, semicolons = 0, commas = 0;
        var inQuotes = false;
        var sawContent = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c is '\n' or '\r')
            {
                if (sawContent)
                {
                    break;
                }

                continue;
            }
            else if (!inQuotes)
            {
                tabs += c == '\t' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
            }

            sawContent = true;
        }

        if (tabs > 0 && tabs >= semicolons && tabs >= commas)
        {
            return '\t';
        }

        return semicolons > 0 && semicolons >= commas ? ';' : ',';
    }

    private static TabularData Parse(string text, string sourceName, char? delimiterOrNull, string sha256)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var delimiter = delimiterOrNull ?? DetectDelimiter(text);
        if (delimiter is '"' or '\r' or '\n')
        {
            throw new ArgumentException($"'{delimiter}' cannot be a delimiter", nameof(delimiterOrNull));
        }

        var scanner = new RecordScanner(text, delimiter, sourceName);
        var fields = new List<string>();
        if (!scanner.TryReadRecord(fields, out var headerLine))
        {
            throw new TabularDataException(sourceName, 0, null, "empty file: no header row");
        }

        var names = HeaderNames(fields, sourceName, headerLine);
        var columns = new List<string>[names.Length];
        for (var column = 0; column < columns.Length; column++)
        {
            columns[column] = new List<string>();
        }

        var lineNumbers = new List<int>();
        while (scanner.TryReadRecord(fields, out var line))
        {
            if (fields.Count != names.Length)
            {
                throw new TabularDataException(sourceName, line, null, $"{fields.Count} fields where the header has {names.Length} (a ragged row, or a delimiter inside an unquoted field; delimiter '{Describe(delimiter)}')");
            }

            for (var column = 0; column < names.Length; column++)
            {
                columns[column].Add(fields[column]);
            }

            lineNumbers.Add(line);
        }

        if (lineNumbers.Count == 0)
        {
            throw new TabularDataException(sourceName, 0, null, "empty file: a header row but no data rows");
        }

        var cells = new string[names.Length][];
        for (var column = 0; column < names.Length; column++)
        {
            cells[column] = columns[column].ToArray();
        }

        return new TabularData(sourceName, delimiter, names, cells, lineNumbers.ToArray(), sha256);
    }

    private static string[] HeaderNames(List<string> fields, string sourceName, int headerLine)
    {
        var names = new string[fields.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var column = 0; column < names.Length; column++)
        {
            var name = fields[column].Trim();

            // An unnamed column (pandas writes its index that way) gets a name a user can type.
            names[column] = name.Length == 0 ? $"column_{column + 1}" : name;
            if (!seen.Add(names[column]))
            {
                throw new TabularDataException(sourceName, headerLine, names[column], "the header names this column twice");
            }
        }

        return names;
    }

    internal static string Describe(char delimiter) => delimiter switch
    {
        '\t' => "tab",
        _ => delimiter.ToString(),
    };

    /// <summary>One pass over the text, record by record.</summary>
    private sealed class RecordScanner(string text, char delimiter, string sourceName)
    {
        private readonly StringBuilder _quoted = new();
        private int _position;
        private int _line = 1;

        /// <summary>The next non-blank record's fields and the line it starts on; false at the end of the text.</summary>
        public bool TryReadRecord(List<string> fields, out int recordLine)
        {
            while (_position < text.Length)
            {
                fields.Clear();
                recordLine = _line;
                var endOfRecord = false;
                while (!endOfRecord)
                {
                    fields.Add(ReadField(out endOfRecord));
                }

                var blank = fields.Count == 1 && fields[0].Length == 0;
                if (!blank)
                {
                    return true;
                }
            }

            recordLine = _line;
            return false;
        }

        private string ReadField(out bool endOfRecord)
        {
            var start = _position;
            while (start < text.Length && text[start] == ' ')
            {
                start++;
            }

            if (start < text.Length && text[start] == '"')
            {
                _position = start + 1;
                return ReadQuotedField(out endOfRecord);
            }

            var end = _position;
            while (end < text.Length)
            {
                var c = text[end];
                if (c == delimiter || c == '\n' || c == '\r')
                {
                    break;
                }

                end++;
            }

            var field = text.AsSpan(_position, end - _position).Trim().ToString();
            _position = end;
            endOfRecord = ConsumeSeparator();
            return field;
        }

        private string ReadQuotedField(out bool endOfRecord)
        {
            var openLine = _line;
            _quoted.Clear();
            while (true)
            {
                var closing = text.IndexOf('"', _position);
                if (closing < 0)
                {
                    throw new TabularDataException(sourceName, openLine, null, "a quoted field is never closed");
                }

                var chunk = text.AsSpan(_position, closing - _position);
                CountLines(chunk);
                _quoted.Append(chunk);
                _position = closing + 1;
                if (_position < text.Length && text[_position] == '"')
                {
                    _quoted.Append('"');
                    _position++;
                    continue;
                }

                break;
            }

            // After the closing quote only spaces may come before the delimiter or the line end.
            while (_position < text.Length && text[_position] == ' ')
            {
                _position++;
            }

            if (_position < text.Length && text[_position] != delimiter && text[_position] is not ('\n' or '\r'))
            {
                throw new TabularDataException(sourceName, _line, null, $"unexpected '{text[_position]}' after a closing quote (a quote inside a quoted field must be doubled)");
            }

            endOfRecord = ConsumeSeparator();
            return _quoted.ToString();
        }

        /// <summary>Steps over the delimiter or line end at the position; true when the record ended.</summary>
        private bool ConsumeSeparator()
        {
            if (_position >= text.Length)
            {
                return true;
            }

            var c = text[_position++];
            if (c == delimiter)
            {
                return false;
            }

            if (c == '\r' && _position < text.Length && text[_position] == '\n')
            {
                _position++;
            }

            _line++;
            return true;
        }

        private void CountLines(ReadOnlySpan<char> chunk)
        {
            for (var i = 0; i < chunk.Length; i++)
            {
                if (chunk[i] == '\n' || (chunk[i] == '\r' && (i + 1 >= chunk.Length || chunk[i + 1] != '\n')))
                {
                    _line++;
                }
            }
        }
    }
}
