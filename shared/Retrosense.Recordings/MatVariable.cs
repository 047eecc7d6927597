namespace Retrosense.Recordings;

/// <summary>
/// One real numeric array from a MAT-file, converted to double whatever type it was stored as.
/// <see cref="Data"/> is column-major, as MATLAB stores it; a vector is N×1 or 1×N.
/// </summary>
public sealed record MatVariable(string Name, int Rows, int Columns, double[] Data)
{
    /// <summary>True when the array has one row or one column.</summary>
    public bool IsVector => Rows == 1 || Columns == 1;
}
