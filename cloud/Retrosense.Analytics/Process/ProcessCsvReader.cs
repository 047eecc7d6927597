using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Retrosense.Analytics.Process;

/// <summary>
/// Reads a delimited export into a <see cref="ProcessTable"/>: the delimiter (semicolon, comma, tab) is the one that
/// splits the header into the most fields, quotes follow RFC 4180, a UTF-8 BOM is skipped, CRLF or LF line ends.
/// Semicolons matter: plant exports in European locales (the tablet data of Žagar &amp; Mihelič 2022) use them.
/// </summary>
public static class ProcessCsvReader
{
    private static readonly char[] CandidateDelimiters = [';', ',', '\t'];

    public static ProcessTable Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ProcessInputException($"file not found: {path}");
        }

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path);
    }

    public static ProcessTable Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var headerLine = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(headerLine))
        {
            throw new ProcessInputException($"{source}: the file is empty (a header row is expected)");
        }

        headerLine = headerLine.TrimStart('\uFEFF');
        var delimiter = CandidateDelimiters.OrderByDescending(d => SplitLine(headerLine, d).Count).First();
        var header = SplitLine(headerLine, delimiter).Select(h => h.Trim()).ToArray();
        var rows = new List<string[]>();
        var lineNumber = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            while (CountQuotes(line) % 2 == 1 && reader.ReadLine() is { } continuation)
            {
                // A quoted field holding a line break continues on the next physical line.
                line += "\n" + continuation;
                lineNumber++;
            }

            if (line.Length == 0)
            {
                continue;
            }

            var fields = SplitLine(line, delimiter);
            if (fields.Count != header.Length)
            {
                throw new ProcessInputException($"{source}: line {lineNumber} has {fields.Count} fields, the header has {header.Length} (delimiter '{(delimiter == '\t' ? "\\t" : delimiter.ToString())}')");
            }

            rows.Add(fields.ToArray());
        }

        if (rows.Count == 0)
        {
            throw new ProcessInputException($"{source}: no data rows after the header");
        }

        return new ProcessTable(source, header, rows);
    }

    private static int CountQuotes(string line) => line.Count(c => c == '"');

    private static List<string> SplitLine(string line, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
