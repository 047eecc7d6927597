namespace Retrosense.Analytics.FailureRisk;

/// <summary>
/// Product quality variant of a machining run (AI4I 2020 column <c>Type</c>): low, medium or high. The variant sets how fast
/// the tool wears (2/3/5 min per process) and the overstrain limit (Matzka 2020, section III).
/// </summary>
public enum ProductQuality
{
    Low,
    Medium,
    High,
}
