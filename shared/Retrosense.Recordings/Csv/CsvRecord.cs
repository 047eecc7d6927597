using System.Collections.Generic;

namespace Retrosense.Recordings.Csv;

/// <summary>One CSV record: its fields and the 1-based line it starts on (a quoted field may span lines).</summary>
internal sealed record CsvRecord(int LineNumber, IReadOnlyList<string> Fields);
