namespace Retrosense.Analytics.FailureRisk;

/// <summary>Maps a classifier's raw score to a probability; monotone non-decreasing in the score.</summary>
public interface IProbabilityCalibrator
{
    CalibrationMethod Method { get; }

    double Probability(double score);
}
