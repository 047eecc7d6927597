namespace Retrosense.Analytics.Data;

/// <summary>What the cells of a column hold, judged over every non-missing cell.</summary>
public enum TabularColumnKind
{
    /// <summary>Every non-missing cell is a finite number in the invariant culture (decimal point, optional exponent).</summary>
    Numeric,

    /// <summary>At least one non-missing cell is not a number.</summary>
    Text,

    /// <summary>Every cell is missing.</summary>
    Empty,
}
