using System.Collections.Generic;
using System.Linq;
using Retrosense.Analytics.Training;

namespace Retrosense.Analytics.Tests.Training;

public sealed class DataSplitterTests
{
    [Fact]
    public void Group_Split_Keeps_Every_Machine_On_One_Side_And_In_One_Fold()
    {
        var frame = TrainingFrame.ForTraining(GeneratedTables.Table(400), TrainingTask.Binary, "failure", ["load"], "machine", null, new List<string>());

        var split = DataSplitter.HoldOut(frame, 0.2, seed: 1, folds: 3);
        var folds = DataSplitter.Folds(frame, split.FitRows, 3, seed: 1);

        var heldOutMachines = split.ValidationRows.Select(row => frame.Groups![row]).ToHashSet();
        Assert.NotEmpty(heldOutMachines);
        Assert.DoesNotContain(split.FitRows, row => heldOutMachines.Contains(frame.Groups![row]));
        foreach (var fold in folds)
        {
            var validationMachines = fold.ValidationRows.Select(row => frame.Groups![row]).ToHashSet();
            Assert.DoesNotContain(fold.FitRows, row => validationMachines.Contains(frame.Groups![row]));
        }
    }

    [Fact]
    public void Time_Split_Holds_Out_The_Latest_Rows_And_Folds_Validate_On_Later_Rows()
    {
        var frame = TrainingFrame.ForTraining(GeneratedTables.Table(400), TrainingTask.Regression, "wear", ["load"], null, "cycle", new List<string>());

        var split = DataSplitter.HoldOut(frame, 0.2, seed: 1, folds: 3);
        var folds = DataSplitter.Folds(frame, split.FitRows, 3, seed: 1);

        Assert.Equal(80, split.ValidationRows.Count);
        Assert.True(split.FitRows.Max(row => frame.Times![row]) <= split.ValidationRows.Min(row => frame.Times![row]));
        Assert.All(folds, fold => Assert.True(fold.FitRows.Max(row => frame.Times![row]) <= fold.ValidationRows.Min(row => frame.Times![row])));
    }

    [Fact]
    public void Stratified_Split_Keeps_The_Class_Shares()
    {
        var frame = TrainingFrame.ForTraining(GeneratedTables.Table(400), TrainingTask.Binary, "failure", ["load"], null, null, new List<string>());

        var split = DataSplitter.HoldOut(frame, 0.2, seed: 3, folds: 3);

        var share = frame.ClassIndices!.Average();
        var heldOutShare = split.ValidationRows.Average(row => frame.ClassIndices![row]);
        Assert.InRange(heldOutShare, share - 0.02, share + 0.02);
        Assert.Equal(split.ValidationRows, DataSplitter.HoldOut(frame, 0.2, seed: 3, folds: 3).ValidationRows);
    }
}
