namespace Retrosense.Recordings;

/// <summary>One column of a CSV signal file: its header name (or its 1-based number in a file without a header) and its values.</summary>
public sealed record CsvColumn(string Name, double[] Values);
