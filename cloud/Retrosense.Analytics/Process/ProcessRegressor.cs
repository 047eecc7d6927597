using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Retrosense.Analytics.Process;

/// <summary>
/// One boosted-tree regression model over a fixed number of numeric features (ML.NET FastTree, one thread so a seed
/// reproduces it exactly). Rows are scored in batches: the recommender scores thousands of candidate settings at once.
/// </summary>
internal sealed class ProcessRegressor
{
    private const string ScoreColumn = "Score";

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly SchemaDefinition _schema;

    private ProcessRegressor(MLContext ml, ITransformer model, int featureCount)
    {
        _ml = ml;
        _model = model;
        FeatureCount = featureCount;
        _schema = Schema(featureCount);
    }

    public int FeatureCount { get; }

    public static ProcessRegressor Train(IReadOnlyList<double[]> features, IReadOnlyList<double> target, ProcessTrainerSettings settings, int seed)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(settings);
        var featureCount = features[0].Length;
        var ml = new MLContext(seed);
        var rows = features.Select((row, i) => new FeatureRow { Label = (float)target[i], Features = ToSingle(row) }).ToArray();
        var data = ml.Data.LoadFromEnumerable(rows, Schema(featureCount));
        var trainer = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            NumberOfTrees = settings.Trees,
            NumberOfLeaves = settings.Leaves,
            MinimumExampleCountPerLeaf = Math.Min(settings.MinimumRowsPerLeaf, Math.Max(1, features.Count / 10)),
            LearningRate = settings.LearningRate,
            FeatureFraction = settings.FeatureFraction,
            BaggingSize = settings.RowFraction < 1 ? 1 : 0,
            BaggingExampleFraction = settings.RowFraction,
            NumberOfThreads = 1,
            Seed = seed,
            FeatureColumnName = nameof(FeatureRow.Features),
            LabelColumnName = nameof(FeatureRow.Label),
        });
        return new ProcessRegressor(ml, trainer.Fit(data), featureCount);
    }

    public double[] Predict(IReadOnlyList<double[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0)
        {
            return [];
        }

        var rows = features.Select(row => new FeatureRow { Features = ToSingle(row) });
        var data = _ml.Data.LoadFromEnumerable(rows, _schema);
        return _model.Transform(data).GetColumn<float>(ScoreColumn).Select(score => (double)score).ToArray();
    }

    public void Save(Stream stream)
    {
        var data = _ml.Data.LoadFromEnumerable(Array.Empty<FeatureRow>(), _schema);
        _ml.Model.Save(_model, data.Schema, stream);
    }

    public static ProcessRegressor Load(Stream stream, int featureCount, int seed)
    {
        var ml = new MLContext(seed);
        var model = ml.Model.Load(stream, out _);
        return new ProcessRegressor(ml, model, featureCount);
    }

    private static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    private static float[] ToSingle(double[] row) => row.Select(v => (float)v).ToArray();

    private sealed class FeatureRow
    {
        public float Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
