using System;
using System.Linq;
using Retrosense.Analytics.Data;
using Retrosense.Analytics.Training;

namespace Retrosense.Analytics.Tests.Training;

public sealed class ModelTrainerTests
{
    private static readonly string[] Features = ["load", "temperature", "kind"];

    [Fact]
    public void Binary_Search_Learns_The_Generated_Rule_And_Reports_Every_Candidate()
    {
        var result = GeneratedTables.Train(GeneratedTables.Table(400), new TrainingRequest(TrainingTask.Binary, "failure") { FeatureColumns = Features });

        Assert.Equal(6, result.Candidates.Count);
        Assert.All(result.Candidates, candidate => Assert.Equal("pr_auc", candidate.Metric));
        Assert.True(result.HeldOut.Binary!.RocAuc > 0.9, $"roc_auc {result.HeldOut.Binary.RocAuc}");
        Assert.Equal(80, result.HeldOutRows);
        Assert.Equal(320, result.TrainingRows);
        Assert.Equal(["0", "1"], result.Schema.Label!.Classes);
        Assert.Equal("1", result.Schema.Label.PositiveClass);
        Assert.Equal(3, result.Schema.Features.Single(feature => feature.Name == "kind").Categories!.Count);
        Assert.NotNull(result.HeldOut.TrainSeconds);
        Assert.True(result.HeldOut.PredictionsPerSecond > 0);
    }

    [Fact]
    public void The_Same_Seed_Gives_The_Same_Model_And_Metrics()
    {
        var table = GeneratedTables.Table(300);
        // LightGbm and SDCA are the trainers that are only reproducible single-threaded.
        var request = new TrainingRequest(TrainingTask.Binary, "failure") { FeatureColumns = Features, Seed = 11, Trainers = ["LightGbm", "SdcaLogisticRegression"] };

        var first = GeneratedTables.Train(table, request);
        var second = GeneratedTables.Train(table, request);

        Assert.Equal(first.Trainer, second.Trainer);
        Assert.Equal(first.Threshold, second.Threshold);
        Assert.Equal(first.Candidates.Select(candidate => candidate.Mean), second.Candidates.Select(candidate => candidate.Mean));
        Assert.Equal(first.HeldOut.Binary, second.HeldOut.Binary, (a, b) => a!.F1 == b!.F1 && a.PrAuc == b.PrAuc && a.RocAuc == b.RocAuc);
    }

    [Fact]
    public void Multiclass_Learns_The_Fault_Bands()
    {
        var result = GeneratedTables.Train(GeneratedTables.Table(400), new TrainingRequest(TrainingTask.Multiclass, "fault") { FeatureColumns = ["load", "temperature"], Trainers = ["LightGbm"] });

        Assert.Equal(["bearing", "imbalance", "normal"], result.Schema.Label!.Classes);
        Assert.True(result.HeldOut.Multiclass!.Accuracy > 0.85, $"accuracy {result.HeldOut.Multiclass.Accuracy}");
        Assert.Equal(3, result.HeldOut.Multiclass.PerClassRecall.Count);
    }

    [Fact]
    public void Regression_Explains_Most_Of_The_Wear()
    {
        var result = GeneratedTables.Train(GeneratedTables.Table(400), new TrainingRequest(TrainingTask.Regression, "wear") { FeatureColumns = Features, Trainers = ["FastTree", "Sdca"] });

        Assert.Equal("rmse", result.SelectionMetric);
        Assert.True(result.HeldOut.Regression!.R2 > 0.8, $"r2 {result.HeldOut.Regression.R2}");
    }

    [Fact]
    public void Anomaly_Without_A_Label_Flags_About_One_Percent_Of_Normal_Rows_And_Ranks_Outliers_High()
    {
        var random = new Random(2);
        var csv = new System.Text.StringBuilder("a,b,c,outlier\n");
        for (var i = 0; i < 600; i++)
        {
            var x = random.NextDouble();
            var isOutlier = i % 50 == 0;

            // Normal rows keep b ≈ 2a and c ≈ a; outliers break the relation.
            var b = isOutlier ? 2 * (1 - x) : (2 * x) + (0.02 * random.NextDouble());
            var c = isOutlier ? random.NextDouble() : x + (0.02 * random.NextDouble());
            csv.Append(FormattableString.Invariant($"{x},{b},{c},{(isOutlier ? 1 : 0)}\n"));
        }

        var table = DelimitedTextReader.ReadText(csv.ToString(), "anomaly.csv");
        var unlabelled = GeneratedTables.Train(table, new TrainingRequest(TrainingTask.Anomaly, null) { FeatureColumns = ["a", "b", "c"] });
        var labelled = GeneratedTables.Train(table, new TrainingRequest(TrainingTask.Anomaly, "outlier") { FeatureColumns = ["a", "b", "c"] });

        Assert.Single(unlabelled.Notes, note => note.StartsWith("no label", StringComparison.Ordinal));
        Assert.Empty(unlabelled.Candidates);
        Assert.InRange(unlabelled.HeldOut.Anomaly!.FlaggedFraction, 0, 0.1);
        Assert.Equal("roc_auc", labelled.SelectionMetric);
        Assert.True(labelled.HeldOut.Anomaly!.AgainstLabel!.RocAuc > 0.9, $"roc_auc {labelled.HeldOut.Anomaly.AgainstLabel.RocAuc}");
    }

    [Fact]
    public void Default_Features_Skip_Unusable_Columns_With_A_Note()
    {
        var result = GeneratedTables.Train(GeneratedTables.Table(200), new TrainingRequest(TrainingTask.Binary, "failure") { Trainers = ["FastTree"] });

        Assert.Contains(result.Notes, note => note == "column 'constant' skipped: holds the same value (7) in every row: it cannot help a model");
        Assert.DoesNotContain(result.Schema.Features, feature => feature.Name is "constant" or "failure");
    }

    [Theory]
    [InlineData("failure", new[] { "load", "constant" }, "generated.csv: column 'constant': holds the same value (7) in every row: it cannot help a model")]
    [InlineData("failure", new[] { "load", "machine2" }, "generated.csv: column 'machine2': no such column; the file has: id, machine, cycle, load, temperature, kind, constant, failure, fault, wear")]
    [InlineData("broken", new[] { "load" }, "generated.csv: column 'broken': no such column; the file has: id, machine, cycle, load, temperature, kind, constant, failure, fault, wear")]
    [InlineData("failure", new[] { "load", "failure" }, "generated.csv: column 'failure': is the label: it cannot also be a feature")]
    [InlineData("fault", new[] { "load" }, "generated.csv: column 'fault': the label has 3 classes (bearing, imbalance, normal): use --task multiclass")]
    [InlineData("constant", new[] { "load" }, "generated.csv: column 'constant': the label has one class ('7') in every row: a classifier needs at least two")]
    public void Bad_Binary_Requests_Name_The_Column_And_The_Problem(string label, string[] features, string expected)
    {
        var error = Assert.Throws<TabularDataException>(() => GeneratedTables.Train(GeneratedTables.Table(60), new TrainingRequest(TrainingTask.Binary, label) { FeatureColumns = features }));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Identifier_Text_Column_Is_Not_A_Feature()
    {
        var csv = "serial,x,y\n" + string.Concat(Enumerable.Range(0, 80).Select(i => $"S{i:D4},{i % 9},{i % 2}\n"));

        var error = Assert.Throws<TabularDataException>(() => GeneratedTables.Train(DelimitedTextReader.ReadText(csv, "ids.csv"), new TrainingRequest(TrainingTask.Binary, "y") { FeatureColumns = ["serial", "x"] }));

        Assert.Equal("ids.csv: column 'serial': text with 80 distinct values (e.g. 'S0000' on line 2): more than 50 categories is an identifier or free text, not a feature", error.Message);
    }

    [Fact]
    public void Non_Numeric_Regression_Label_Names_Its_Line()
    {
        var error = Assert.Throws<TabularDataException>(() => GeneratedTables.Train(GeneratedTables.Table(60), new TrainingRequest(TrainingTask.Regression, "kind") { FeatureColumns = ["load"] }));

        Assert.StartsWith("generated.csv: line 2, column 'kind': '", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("' is not a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_Few_Rows_Of_A_Class_For_The_Split_Is_Refused()
    {
        var csv = "x,y\n" + string.Concat(Enumerable.Range(0, 30).Select(i => $"{i},{(i < 3 ? 1 : 0)}\n"));

        var error = Assert.Throws<TabularDataException>(() => GeneratedTables.Train(DelimitedTextReader.ReadText(csv, "few.csv"), new TrainingRequest(TrainingTask.Binary, "y")));

        Assert.Equal("few.csv: too few rows for the split: class '1' of 'y' has 3 row(s), it needs at least 4 (one held out, one per cross-validation fold)", error.Message);
    }

    [Fact]
    public void Too_Few_Rows_At_All_Is_Refused()
    {
        var error = Assert.Throws<TabularDataException>(() => GeneratedTables.Train(DelimitedTextReader.ReadText("x,y\n1,2\n2,4\n3,5\n", "tiny.csv"), new TrainingRequest(TrainingTask.Regression, "y")));

        Assert.Equal("tiny.csv: too few rows for the split: 3 data rows, training needs at least 10", error.Message);
    }
}
