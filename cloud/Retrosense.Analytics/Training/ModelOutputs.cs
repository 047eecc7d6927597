namespace Retrosense.Analytics.Training;

/// <summary>
/// What a model said for each row: its score (binary: higher = positive; regression: the prediction; anomaly: higher =
/// more unusual) and, for multiclass, the predicted class index.
/// </summary>
internal sealed record ModelOutputs(float[] Scores, int[]? PredictedClasses);
