using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Retrosense.Analytics.Training;

/// <summary>
/// The transforms in front of every trainer, saved inside the model so a package scores raw table columns: numeric
/// columns with missing values replaced by the training mean, text columns one-hot encoded (values unseen in training
/// encode as none), all concatenated into "Features", then scaled for the trainers that need it.
/// </summary>
internal static class FeaturePipeline
{
    public const string FeaturesColumn = "Features";

    public static IEstimator<ITransformer> Create(MLContext ml, ModelSchema schema, FeatureScaling scaling)
    {
        // Internal names f0, f1, … keep column names with spaces and brackets ("Torque [Nm]") out of transform options.
        var numeric = schema.Features.Select((feature, i) => (feature, i)).Where(pair => pair.feature.Kind == FeatureKinds.Numeric)
            .Select(pair => new InputOutputColumnPair($"f{pair.i}", pair.feature.Name)).ToArray();
        var categorical = schema.Features.Select((feature, i) => (feature, i)).Where(pair => pair.feature.Kind == FeatureKinds.Categorical)
            .Select(pair => new InputOutputColumnPair($"f{pair.i}", pair.feature.Name)).ToArray();
        IEstimator<ITransformer> pipeline = new EstimatorChain<ITransformer>();
        if (numeric.Length > 0)
        {
            pipeline = pipeline.Append(ml.Transforms.ReplaceMissingValues(numeric, MissingValueReplacingEstimator.ReplacementMode.Mean));
        }

        if (categorical.Length > 0)
        {
            pipeline = pipeline.Append(ml.Transforms.Categorical.OneHotEncoding(categorical, OneHotEncodingEstimator.OutputKind.Indicator));
        }

        pipeline = pipeline.Append(ml.Transforms.Concatenate(FeaturesColumn, schema.Features.Select((_, i) => $"f{i}").ToArray()));
        return scaling switch
        {
            FeatureScaling.MinMax => pipeline.Append(ml.Transforms.NormalizeMinMax(FeaturesColumn)),
            FeatureScaling.MeanVariance => pipeline.Append(ml.Transforms.NormalizeMeanVariance(FeaturesColumn)),
            _ => pipeline,
        };
    }
}
