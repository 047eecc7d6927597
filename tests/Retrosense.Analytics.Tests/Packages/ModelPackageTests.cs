using System;
using System.IO;
using System.Linq;
using Retrosense.Analytics.Data;
using Retrosense.Analytics.Packages;
using Retrosense.Analytics.Tests.Training;
using Retrosense.Analytics.Training;

namespace Retrosense.Analytics.Tests.Packages;

public sealed class ModelPackageTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"retrosense-package-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void A_Written_Package_Loads_Back_And_Scores_As_The_Trained_Model_Did()
    {
        var table = GeneratedTables.Table(300);
        var result = GeneratedTables.Train(table, new TrainingRequest(TrainingTask.Binary, "failure") { FeatureColumns = ["load", "temperature", "kind"], Trainers = ["LightGbm", "FastTree"], Seed = 4 });
        var createdAt = new DateTimeOffset(2026, 11, 27, 18, 0, 0, TimeSpan.Zero);

        var written = ModelPackage.Write(result, _directory, "tester", createdAt);
        var package = ModelPackage.Load(_directory);

        Assert.Equal(TrainingTask.Binary, package.Task);
        Assert.Equal("tester", package.Metadata.CreatedBy);
        Assert.Equal(createdAt, package.Metadata.CreatedAt);
        Assert.Equal(table.ContentSha256, package.Metadata.TrainingData.Sha256);
        Assert.Equal(4, package.Metadata.Seed);
        Assert.Equal(result.Trainer, package.Metadata.Trainer);
        Assert.Equal(written.ModelSha256, package.Metadata.ModelSha256);
        Assert.Equal(result.HeldOut.Binary!.F1, package.Metadata.Metrics.Binary!.F1);
        Assert.Equal(result.Schema.Features.Select(feature => feature.Name), package.Metadata.Schema.Features.Select(feature => feature.Name));
        Assert.Equal("model.onnx", package.Metadata.OnnxFile);
        Assert.True(new FileInfo(Path.Combine(_directory, "model.onnx")).Length > 0);

        var predictions = package.Predict(table);
        var trainedScores = ModelScoring.Score(result.Model, TrainingFrame.ForScoring(table, TrainingTask.Binary, result.Schema).ToDataView(includeLabel: false), TrainingTask.Binary).Scores;
        Assert.Equal(trainedScores.Select(score => (double)score), predictions.Select(prediction => prediction.Score));
        Assert.All(predictions, prediction => Assert.Contains(prediction.PredictedClass, new[] { "0", "1" }));

        var report = package.Evaluate(table);
        Assert.Equal(300, report.RowCount);
        Assert.True(report.Binary!.RocAuc > 0.9);
    }

    [Fact]
    public void An_Anomaly_Package_Says_Why_It_Has_No_Onnx_Export_And_Flags_Rows()
    {
        // Normal rows keep b = 2a and c = a (with a little noise): PCA learns that relation and flags rows that break it.
        var random = new Random(8);
        var csv = "a,b,c\n" + string.Concat(Enumerable.Range(0, 200).Select(_ =>
        {
            var a = random.NextDouble();
            return FormattableString.Invariant($"{a},{(2 * a) + (0.02 * random.NextDouble())},{a + (0.02 * random.NextDouble())}\n");
        }));
        var result = GeneratedTables.Train(DelimitedTextReader.ReadText(csv, "normal.csv"), new TrainingRequest(TrainingTask.Anomaly, null));

        ModelPackage.Write(result, _directory, "tester", DateTimeOffset.UtcNow);
        var package = ModelPackage.Load(_directory);

        Assert.Null(package.Metadata.OnnxFile);
        Assert.Contains("can not be fully converted", package.Metadata.OnnxUnavailable, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "model.onnx")));
        var predictions = package.Predict(DelimitedTextReader.ReadText("a,b,c\n0.5,1.01,0.5\n0.5,0,1\n", "new.csv"));
        Assert.Equal([false, true], predictions.Select(prediction => prediction.IsAnomaly!.Value));
    }

    [Fact]
    public void A_Replaced_Model_File_Is_Refused()
    {
        var result = GeneratedTables.Train(GeneratedTables.Table(120), new TrainingRequest(TrainingTask.Regression, "wear") { FeatureColumns = ["load"], Trainers = ["Sdca"] });
        ModelPackage.Write(result, _directory, "tester", DateTimeOffset.UtcNow);
        File.AppendAllText(Path.Combine(_directory, ModelPackage.ModelFileName), "x");

        var error = Assert.Throws<ModelPackageException>(() => ModelPackage.Load(_directory));

        Assert.Contains("the model file was replaced or damaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Folder_Without_A_Package_Is_Refused()
    {
        Directory.CreateDirectory(_directory);

        var error = Assert.Throws<ModelPackageException>(() => ModelPackage.Load(_directory));

        Assert.Equal($"{_directory}: not a model package (it needs model.json and model.zip)", error.Message);
    }

    [Fact]
    public void Evaluating_Data_Without_The_Label_Or_A_Feature_Says_Which_Column()
    {
        var result = GeneratedTables.Train(GeneratedTables.Table(120), new TrainingRequest(TrainingTask.Regression, "wear") { FeatureColumns = ["load", "kind"], Trainers = ["FastTree"] });
        ModelPackage.Write(result, _directory, "tester", DateTimeOffset.UtcNow);
        var package = ModelPackage.Load(_directory);

        var noLabel = Assert.Throws<TabularDataException>(() => package.Evaluate(DelimitedTextReader.ReadText("load,kind\n0.5,A\n", "new.csv")));
        var noFeature = Assert.Throws<TabularDataException>(() => package.Evaluate(DelimitedTextReader.ReadText("load,wear\n0.5,3\n", "new.csv")));

        Assert.Equal("new.csv: the label column 'wear' is missing: evaluating needs labelled rows (the file has: load, kind)", noLabel.Message);
        Assert.Equal("new.csv: the model needs column 'kind'; the file has: load, wear", noFeature.Message);
        Assert.Single(package.Predict(DelimitedTextReader.ReadText("load,kind\n0.5,Z\n", "new.csv")));
    }
}
