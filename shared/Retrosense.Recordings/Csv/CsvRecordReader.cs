using System.Collections.Generic;
using System.Text;

namespace Retrosense.Recordings.Csv;

/// <summary>
/// Splits CSV text into records (RFC 4180: fields in double quotes may hold the delimiter, line breaks and "" for a quote;
/// CRLF, LF or CR line ends). Blank lines are skipped.
/// </summary>
internal static class CsvRecordReader
{
    /// <summary>
    /// The delimiter of the first non-blank line: whichever of tab, semicolon and comma occurs most often outside quotes
    /// (ties go to tab, then semicolon, as files that use them often hold commas in text); comma when none occurs.
    /// </summary>
    public static char DetectDelimiter(string text)
    {
        int tabs = 0, semicolons = 0, commas = 0;
        var inQuotes = false;
        var sawContent = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && (c == '\n' || c == '\r'))
            {
                if (sawContent)
                {
                    break;
                }
            }
            else if (!inQuotes)
            {
                tabs += c == '\t' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
            }

            sawContent |= c is not ('\n' or '\r');
        }

        if (tabs > 0 && tabs >= semicolons && tabs >= commas)
        {
            return '\t';
        }

        return semicolons > 0 && semicolons >= commas ? ';' : ',';
    }

    /// <summary>All non-blank records of <paramref name="text"/>; <paramref name="unclosedQuoteLine"/> is the line of a quote never closed, else 0.</summary>
    public static List<CsvRecord> ReadAll(string text, char delimiter, out int unclosedQuoteLine)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoteLine = 0;
        var inQuotes = false;
        var fieldWasQuoted = false;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            fieldWasQuoted = false;
        }

        void EndRecord()
        {
            EndField();
            var blank = fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0]);
            if (!blank)
            {
                records.Add(new CsvRecord(recordLine, fields.ToArray()));
            }

            fields.Clear();
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            if (c == '"' && !fieldWasQuoted && string.IsNullOrWhiteSpace(field.ToString()))
            {
                field.Clear();
                inQuotes = true;
                fieldWasQuoted = true;
                quoteLine = line;
            }
            else if (c == delimiter)
            {
                EndField();
            }
            else if (c == '\r' || c == '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                EndRecord();
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        unclosedQuoteLine = inQuotes ? quoteLine : 0;
        if (fields.Count > 0 || field.Length > 0)
        {
            EndRecord();
        }

        return records;
    }
}
