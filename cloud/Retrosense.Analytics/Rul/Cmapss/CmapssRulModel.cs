using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Retrosense.Analytics.Rul.Cmapss;

/// <summary>
/// A remaining-useful-life model for one C-MAPSS subset: operating-condition normalisation, a linear health index,
/// sliding-window features per cycle, and a seeded ensemble of LightGBM regressors on the capped RUL target. Everything
/// is fitted on the training units only. Scoring is batch (one ML.NET transform per ensemble member); the model is
/// immutable after training, so concurrent scoring calls are safe.
/// </summary>
public sealed class CmapssRulModel
{
    /// <summary>Row and feature subsampling per ensemble member: what makes the seeded members differ.</summary>
    private const double MemberSubsampleFraction = 0.8;

    private readonly MLContext _ml;
    private readonly SchemaDefinition _schema;
    private readonly ITransformer[] _members;
    private readonly LinearHealthIndex _healthIndex;

    private CmapssRulModel(MLContext ml, SchemaDefinition schema, ITransformer[] members, OperatingConditionNormalizer normalizer, LinearHealthIndex healthIndex, CmapssModelSettings settings, int seed, int featureCount)
    {
        _ml = ml;
        _schema = schema;
        _members = members;
        Normalizer = normalizer;
        _healthIndex = healthIndex;
        Settings = settings;
        Seed = seed;
        FeatureCount = featureCount;
    }

    public CmapssModelSettings Settings { get; }

    public int Seed { get; }

    public OperatingConditionNormalizer Normalizer { get; }

    /// <summary>Features per cycle: (kept sensors + health index) × features per channel + the cycle number.</summary>
    public int FeatureCount { get; }

    /// <summary>Trains on every cycle of every unit of <paramref name="training"/> (run-to-failure trajectories).</summary>
    public static CmapssRulModel Train(IReadOnlyList<CmapssUnit> training, CmapssModelSettings settings, int seed)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(settings);
        if (training.Count == 0)
        {
            throw new ArgumentException("no training units", nameof(training));
        }

        var normalizer = OperatingConditionNormalizer.Fit(training);
        var normalized = training.Select(unit => unit.Cycles.Select(normalizer.Normalize).ToArray()).ToArray();
        var targets = training.Select(unit => unit.Cycles.Select(cycle => PiecewiseLinearRulTarget.For(cycle.Cycle, unit.LastCycle, settings.RulCapCycles)).ToArray()).ToArray();
        var healthIndex = LinearHealthIndex.Fit(normalized.SelectMany(rows => rows).ToArray(), targets.SelectMany(values => values).ToArray());

        var rows = new List<CmapssFeatureRow>();
        for (var u = 0; u < training.Count; u++)
        {
            var features = BuildFeatures(training[u], normalized[u], healthIndex, settings.Features);
            for (var i = 0; i < features.Length; i++)
            {
                rows.Add(new CmapssFeatureRow { Label = (float)targets[u][i], Features = features[i] });
            }
        }

        var featureCount = rows[0].Features.Length;
        var ml = new MLContext(seed);
        var schema = SchemaFor(featureCount);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var members = new ITransformer[settings.EnsembleSize];
        for (var m = 0; m < members.Length; m++)
        {
            var ensemble = settings.EnsembleSize > 1;
            var options = new LightGbmRegressionTrainer.Options
            {
                NumberOfLeaves = settings.NumberOfLeaves,
                NumberOfIterations = settings.NumberOfIterations,
                LearningRate = settings.LearningRate,
                MinimumExampleCountPerLeaf = settings.MinimumExamplesPerLeaf,
                NumberOfThreads = settings.Threads,
                Seed = seed + m,
                Silent = true,
                Booster = new GradientBooster.Options
                {
                    SubsampleFraction = ensemble ? MemberSubsampleFraction : 1.0,
                    SubsampleFrequency = ensemble ? 1 : 0,
                    FeatureFraction = ensemble ? MemberSubsampleFraction : 1.0,
                },
            };
            members[m] = ml.Regression.Trainers.LightGbm(options).Fit(data);
        }

        return new CmapssRulModel(ml, schema, members, normalizer, healthIndex, settings, seed, featureCount);
    }

    /// <summary>Feature rows for every cycle of <paramref name="unit"/>, each seeing only that cycle and the ones before.</summary>
    public float[][] FeaturesOf(CmapssUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return BuildFeatures(unit, unit.Cycles.Select(Normalizer.Normalize).ToArray(), _healthIndex, Settings.Features);
    }

    /// <summary>Predicted RUL (cycles, ≥ 0) for each feature row: the mean of the ensemble members.</summary>
    public double[] Predict(IReadOnlyList<float[]> featureRows)
    {
        ArgumentNullException.ThrowIfNull(featureRows);
        if (featureRows.Count == 0)
        {
            return [];
        }

        var data = _ml.Data.LoadFromEnumerable(featureRows.Select(features => new CmapssFeatureRow { Features = features }), _schema);
        var sums = new double[featureRows.Count];
        foreach (var member in _members)
        {
            var i = 0;
            foreach (var score in member.Transform(data).GetColumn<float>("Score"))
            {
                sums[i++] += score;
            }
        }

        return sums.Select(sum => Math.Max(0, sum / _members.Length)).ToArray();
    }

    /// <summary>Predicted RUL at the last recorded cycle of each unit (the official C-MAPSS test protocol).</summary>
    public double[] PredictLastCycle(IReadOnlyList<CmapssUnit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        return Predict(units.Select(unit => FeaturesOf(unit)[^1]).ToArray());
    }

    private static float[][] BuildFeatures(CmapssUnit unit, double[][] normalized, LinearHealthIndex healthIndex, CmapssFeatureSettings features)
    {
        var channels = normalized.Select(sensors => sensors.Append(healthIndex.Apply(sensors)).ToArray()).ToArray();
        return SlidingWindowFeatures.Build(channels, unit.Cycles.Select(cycle => cycle.Cycle).ToArray(), features);
    }

    private static SchemaDefinition SchemaFor(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(CmapssFeatureRow));
        schema[nameof(CmapssFeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }
}
