namespace Retrosense.Analytics.Rul.Trend;

/// <summary>The degradation curve a <see cref="TrendRulEstimator"/> fits to the recent window.</summary>
public enum TrendShape
{
    /// <summary>Fit both shapes and keep the one with the smaller squared error on the indicator's own scale.</summary>
    Auto = 0,

    /// <summary>value = a + b·t: wear that grows at a steady rate.</summary>
    Linear = 1,

    /// <summary>
    /// value = exp(a + b·t), fitted as a line through ln(value): the usual shape of rolling-bearing vibration once a
    /// defect has started (the spall grows with the load it sees). Needs every value and the threshold &gt; 0.
    /// </summary>
    Exponential = 2,
}
