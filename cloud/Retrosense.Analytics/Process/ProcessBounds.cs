namespace Retrosense.Analytics.Process;

/// <summary>A closed range a control may take, in the control's own units.</summary>
public readonly record struct ProcessBounds(double Low, double High);
