using System;
using System.IO;
using Microsoft.ML;
using Retrosense.Analytics.Training;

namespace Retrosense.Analytics.Packages;

/// <summary>
/// Writes a model as ONNX with ML.NET's converter (Microsoft.ML.OnnxConverter), for runtimes without ML.NET. Not every
/// transform or trainer has an ONNX mapping: then no file is written and the reason is returned instead.
/// </summary>
internal static class OnnxExport
{
    public const string FileName = "model.onnx";

    /// <summary>Null when <c>model.onnx</c> was written, else why it could not be.</summary>
    public static string? TryWrite(TrainingResult result, string directory)
    {
        var path = Path.Combine(directory, FileName);
        var ml = new MLContext(result.Seed);
        try
        {
            using (var stream = File.Create(path))
            {
                ml.Model.ConvertToOnnx(result.Model, EmptyInput(result.Schema), stream);
            }

            return new FileInfo(path).Length > 0 ? null : "the converter wrote an empty file";
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or ArgumentException or NotImplementedException)
        {
            File.Delete(path);
            return $"{exception.GetType().Name}: {exception.Message}".ReplaceLineEndings(" ");
        }
    }

    /// <summary>A view with the model's input columns and no rows: the converter reads only its schema.</summary>
    private static IDataView EmptyInput(ModelSchema schema)
    {
        var builder = new ColumnarDataView.Builder();
        foreach (var feature in schema.Features)
        {
            if (feature.Kind == FeatureKinds.Numeric)
            {
                builder.AddSingles(feature.Name, []);
            }
            else
            {
                builder.AddTexts(feature.Name, []);
            }
        }

        return builder.Build();
    }
}
