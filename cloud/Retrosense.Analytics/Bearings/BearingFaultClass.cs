namespace Retrosense.Analytics.Bearings;

/// <summary>
/// The four conditions of a rolling-element bearing the diagnosis tells apart (the CWRU Bearing Data Center's classes):
/// healthy, and single-point defects on the inner race, the outer race or a rolling element. The numeric values are the
/// model's class indices and the order of every probability vector; do not reorder.
/// </summary>
public enum BearingFaultClass
{
    Normal = 0,
    InnerRace = 1,
    OuterRace = 2,
    Ball = 3,
}
