using System.Collections.Generic;

namespace Retrosense.Analytics.Process;

/// <summary>
/// Partial dependence of the prediction on one control: the ensemble's mean prediction over every training row with
/// the control set to each value (5th to 95th percentile of the data), everything else as recorded.
/// </summary>
public sealed record ProcessPartialDependence(string Control, IReadOnlyList<double> Values, IReadOnlyList<double> Predictions);
