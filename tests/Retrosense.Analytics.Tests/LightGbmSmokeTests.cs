using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Retrosense.Analytics.Tests;

public sealed class LightGbmSmokeTests
{
    private sealed class Row
    {
        public float X { get; set; }
        public bool Label { get; set; }
    }

    [Fact]
    public void LightGbm_native_library_loads_and_learns_a_threshold()
    {
        var ml = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 400).Select(i => new Row { X = i, Label = i >= 200 }).ToArray();
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Concatenate("Features", nameof(Row.X))
            .Append(ml.BinaryClassification.Trainers.LightGbm(minimumExampleCountPerLeaf: 5));
        var model = pipeline.Fit(data);
        var metrics = ml.BinaryClassification.EvaluateNonCalibrated(model.Transform(data));
        Assert.True(metrics.Accuracy > 0.95, $"accuracy {metrics.Accuracy}");
    }
}
