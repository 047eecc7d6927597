namespace Retrosense.Analytics.Bearings;

/// <summary>The ML.NET multiclass trainers the diagnosis chooses among by cross-validation.</summary>
public enum BearingTrainer
{
    /// <summary>Multinomial logistic regression (L-BFGS) on standardised features: few parameters, smooth boundaries.</summary>
    LbfgsMaximumEntropy = 0,

    /// <summary>Gradient-boosted trees (LightGBM), kept small for a few hundred windows.</summary>
    LightGbm = 1,
}
