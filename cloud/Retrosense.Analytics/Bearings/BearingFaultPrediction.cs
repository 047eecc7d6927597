using System;
using System.Collections.Generic;

namespace Retrosense.Analytics.Bearings;

/// <summary>The diagnosis of one window: the most probable condition and the probability of each.</summary>
/// <param name="FaultClass">The most probable condition.</param>
/// <param name="Probabilities">Probability per class, indexed by <see cref="BearingFaultClass"/> value; sums to 1.</param>
public sealed record BearingFaultPrediction(BearingFaultClass FaultClass, IReadOnlyList<double> Probabilities)
{
    /// <summary>"normal", "inner_race", "outer_race" or "ball".</summary>
    public string FaultClassName => BearingFaultClasses.Name(FaultClass);

    /// <summary>Probability of the predicted class.</summary>
    public double Confidence => Probabilities[(int)FaultClass];

    /// <summary>Probability of one class.</summary>
    public double Probability(BearingFaultClass faultClass)
    {
        if ((int)faultClass < 0 || (int)faultClass >= Probabilities.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(faultClass), faultClass, "not a bearing fault class");
        }

        return Probabilities[(int)faultClass];
    }
}
