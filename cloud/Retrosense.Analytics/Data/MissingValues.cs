using System;

namespace Retrosense.Analytics.Data;

/// <summary>
/// Which cells count as missing: blank ones and the markers spreadsheets, R and pandas write for "no value"
/// (<c>NA</c>, <c>N/A</c>, <c>NaN</c>, <c>null</c>, any case). A missing number reads as <see cref="double.NaN"/>,
/// missing text as null.
/// </summary>
public static class MissingValues
{
    public static bool IsMissing(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var trimmed = cell.AsSpan().Trim();
        return trimmed.IsEmpty
            || trimmed.Equals("NA", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("N/A", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("NaN", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("null", StringComparison.OrdinalIgnoreCase);
    }
}
