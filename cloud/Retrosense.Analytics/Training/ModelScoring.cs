using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Retrosense.Analytics.Training;

/// <summary>Runs a fitted model over a view and reads back its outputs.</summary>
internal static class ModelScoring
{
    public static ModelOutputs Score(ITransformer model, IDataView data, TrainingTask task)
    {
        var scored = model.Transform(data);
        if (task == TrainingTask.Multiclass)
        {
            // Predicted keys are 1-based class indices (0 would be "missing", which a trained model never predicts).
            var keys = scored.GetColumn<uint>("PredictedLabel").Select(key => (int)key - 1).ToArray();
            return new ModelOutputs(new float[keys.Length], keys);
        }

        return new ModelOutputs(scored.GetColumn<float>("Score").ToArray(), null);
    }
}
