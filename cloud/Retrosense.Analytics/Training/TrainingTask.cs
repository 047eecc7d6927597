namespace Retrosense.Analytics.Training;

/// <summary>What a model learns from a table (the <c>--task</c> of <c>retrosense train</c>).</summary>
public enum TrainingTask
{
    /// <summary>Two classes, e.g. failure / no failure.</summary>
    Binary,

    /// <summary>Three or more classes (or two named ones), e.g. bearing fault types.</summary>
    Multiclass,

    /// <summary>A number, e.g. remaining useful life.</summary>
    Regression,

    /// <summary>Unusual rows, learnt without labels (a label column, if given, only judges the result).</summary>
    Anomaly,
}
