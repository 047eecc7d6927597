using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Retrosense.Analytics.FailureRisk;

/// <summary>
/// One binary target (machine failure, or one failure mode against the rest): FastTree on <see cref="FailureRiskFeatures.Names"/>,
/// a calibrator fitted on out-of-fold scores of the training rows, and the decision threshold with the best out-of-fold
/// F1. The test rows are never seen here. The final trees are refitted on all training rows; the calibrator learned from
/// the fold models is applied to them (as scikit-learn's CalibratedClassifierCV does with ensemble=False).
/// </summary>
internal sealed class CalibratedBinaryRiskClassifier
{
    private const string FeaturesColumn = "Features";
    private const string ScoreColumn = "Score";

    private readonly MLContext _ml;
    private readonly ITransformer _scoringModel;
    private readonly ITransformer _explainingModel;
    private readonly ConcurrentBag<PredictionEngine<FailureRiskFeatureRow, FailureRiskScoreRow>> _explainingEngines = [];
    private readonly ConcurrentBag<PredictionEngine<FailureRiskFeatureRow, FailureRiskRawScoreRow>> _scoringEngines = [];

    private CalibratedBinaryRiskClassifier(
        MLContext ml,
        string labelColumn,
        TransformerChain<BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>>> scoringModel,
        ITransformer explainingModel,
        IProbabilityCalibrator calibrator,
        double threshold,
        IReadOnlyList<string> featureNames)
    {
        _ml = ml;
        LabelColumn = labelColumn;
        _scoringModel = scoringModel;
        PredictionTransformer = scoringModel.LastTransformer;
        _explainingModel = explainingModel;
        Calibrator = calibrator;
        Threshold = threshold;
        FeatureNames = featureNames;
    }

    public string LabelColumn { get; }

    public IProbabilityCalibrator Calibrator { get; }

    public double Threshold { get; }

    /// <summary>The slot names of the trained feature vector, read back from the model's output schema.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    public BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> PredictionTransformer { get; }

    public static CalibratedBinaryRiskClassifier Train(MLContext ml, IReadOnlyList<FailureRiskFeatureRow> rows, string labelColumn, FailureRiskTrainingOptions options)
    {
        var labels = rows.Select(row => FailureRiskFeatures.LabelOf(row, labelColumn)).ToArray();
        var positives = labels.Count(label => label);
        if (positives < options.CalibrationFolds || labels.Length - positives < options.CalibrationFolds)
        {
            throw new FailureRiskDataException(
                $"'{labelColumn}' has {positives} positive and {labels.Length - positives} negative training rows; cross-validated calibration needs at least {options.CalibrationFolds} of each");
        }

        var foldOfRow = StratifiedSplit.Folds(labels, options.CalibrationFolds, options.Seed);
        var outOfFoldScores = new double[rows.Count];
        for (var fold = 0; fold < options.CalibrationFolds; fold++)
        {
            var trainRows = rows.Where((_, index) => foldOfRow[index] != fold).ToArray();
            var heldOutIndexes = Enumerable.Range(0, rows.Count).Where(index => foldOfRow[index] == fold).ToArray();
            var foldModel = BuildPipeline(ml, labelColumn, options).Fit(ml.Data.LoadFromEnumerable(trainRows));
            var heldOutScores = RawScores(foldModel, ml.Data.LoadFromEnumerable(heldOutIndexes.Select(index => rows[index])));
            for (var position = 0; position < heldOutIndexes.Length; position++)
            {
                outOfFoldScores[heldOutIndexes[position]] = heldOutScores[position];
            }
        }

        IProbabilityCalibrator calibrator = options.Calibration == CalibrationMethod.Isotonic
            ? IsotonicRegressionCalibrator.Fit(outOfFoldScores, labels)
            : PlattScalingCalibrator.Fit(outOfFoldScores, labels);
        var outOfFoldProbabilities = outOfFoldScores.Select(calibrator.Probability).ToArray();
        var threshold = BinaryRiskMetricsCalculator.BestF1Threshold(outOfFoldProbabilities, labels);

        var trainingData = ml.Data.LoadFromEnumerable(rows);
        var model = BuildPipeline(ml, labelColumn, options).Fit(trainingData);
        var transformed = model.Transform(trainingData);
        var contributions = ml.Transforms.CalculateFeatureContribution(
                model.LastTransformer,
                numberOfPositiveContributions: FailureRiskFeatures.Names.Count,
                numberOfNegativeContributions: FailureRiskFeatures.Names.Count,
                normalize: false)
            .Fit(transformed);
        var explaining = model.Append(contributions);
        var featureNames = SlotNames(transformed.Schema[FeaturesColumn]);
        return new CalibratedBinaryRiskClassifier(ml, labelColumn, model, explaining, calibrator, threshold, featureNames);
    }

    public double[] Probabilities(IDataView data) => RawScores(_scoringModel, data).Select(Calibrator.Probability).ToArray();

    /// <summary>The probabilities ML.NET's own calibrator (Platt, fitted on the training rows themselves) gives: the baseline.</summary>
    public double[] TrainerCalibratedProbabilities(IDataView data) =>
        _scoringModel.Transform(data).GetColumn<float>("Probability").Select(probability => (double)probability).ToArray();

    /// <summary>One row's calibrated probability; prediction engines are not thread-safe, so each call borrows one from a pool.</summary>
    public double Probability(FailureRiskFeatureRow row)
    {
        if (!_scoringEngines.TryTake(out var engine))
        {
            engine = _ml.Model.CreatePredictionEngine<FailureRiskFeatureRow, FailureRiskRawScoreRow>(_scoringModel);
        }

        try
        {
            return Calibrator.Probability(engine.Predict(row).Score);
        }
        finally
        {
            _scoringEngines.Add(engine);
        }
    }

    public (double Probability, float[] Contributions) Explain(FailureRiskFeatureRow row)
    {
        if (!_explainingEngines.TryTake(out var engine))
        {
            engine = _ml.Model.CreatePredictionEngine<FailureRiskFeatureRow, FailureRiskScoreRow>(_explainingModel);
        }

        try
        {
            var output = engine.Predict(row);
            return (Calibrator.Probability(output.Score), output.FeatureContributions.ToArray());
        }
        finally
        {
            _explainingEngines.Add(engine);
        }
    }

    public IReadOnlyList<FeatureImportance> PermutationImportance(IDataView data, int permutationCount)
    {
        var transformed = _scoringModel.Transform(data);
        var statistics = _ml.BinaryClassification.PermutationFeatureImportance(
            PredictionTransformer, transformed, labelColumnName: LabelColumn, permutationCount: permutationCount);
        return statistics
            .Select((metrics, slot) => new FeatureImportance(
                FeatureNames[slot],
                -metrics.AreaUnderPrecisionRecallCurve.Mean,
                metrics.AreaUnderPrecisionRecallCurve.StandardError,
                -metrics.AreaUnderRocCurve.Mean))
            .OrderByDescending(importance => importance.PrAucDrop)
            .ToArray();
    }

    private static EstimatorChain<BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>>> BuildPipeline(
        MLContext ml, string labelColumn, FailureRiskTrainingOptions options) =>
        ml.Transforms.Concatenate(FeaturesColumn, [.. FailureRiskFeatures.NamesFor(options)])
            .Append(ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                LabelColumnName = labelColumn,
                FeatureColumnName = FeaturesColumn,
                NumberOfTrees = options.NumberOfTrees,
                NumberOfLeaves = options.NumberOfLeaves,
                MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
                LearningRate = options.LearningRate,
                UnbalancedSets = options.UnbalancedSets,
            }));

    private static double[] RawScores(ITransformer model, IDataView data) =>
        model.Transform(data).GetColumn<float>(ScoreColumn).Select(score => (double)score).ToArray();

    private static string[] SlotNames(DataViewSchema.Column column)
    {
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        column.GetSlotNames(ref slotNames);
        return slotNames.DenseValues().Select(name => name.ToString()).ToArray();
    }
}
