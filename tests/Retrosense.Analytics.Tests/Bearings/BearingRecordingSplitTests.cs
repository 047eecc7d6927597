using System;
using System.Linq;
using Retrosense.Analytics.Bearings;
using Retrosense.Testing;

namespace Retrosense.Analytics.Tests.Bearings;

public sealed class BearingRecordingSplitTests
{
    [Fact]
    public void Files_Named_On_One_Side_Only_Are_Used_Whole_On_That_Side()
    {
        var split = BearingRecordingSplit.Plan(["a/IR007_0.mat", "a/B007_0.mat"], ["a/IR021_0.mat"]);

        Assert.All(split.Train.Concat(split.Test), use => Assert.Equal(RecordingPart.Whole, use.Part));
        Assert.Empty(split.Train.Select(use => use.Path).Intersect(split.Test.Select(use => use.Path)));
    }

    [Fact]
    public void A_File_Named_On_Both_Sides_Is_Cut_In_Time_With_The_Chosen_Half_Training()
    {
        var split = BearingRecordingSplit.Plan(["a/IR007_0.mat", "a/Normal_0.mat"], ["a/Normal_0.mat", "a/IR021_0.mat"], RecordingPart.SecondHalf);

        Assert.Equal(RecordingPart.SecondHalf, split.Train.Single(use => use.Path == "a/Normal_0.mat").Part);
        Assert.Equal(RecordingPart.FirstHalf, split.Test.Single(use => use.Path == "a/Normal_0.mat").Part);
        Assert.Equal(RecordingPart.Whole, split.Train.Single(use => use.Path == "a/IR007_0.mat").Part);
    }

    [Fact]
    public void A_File_Named_Twice_On_One_Side_Or_An_Empty_Side_Is_Refused()
    {
        Assert.Contains("named twice", Assert.Throws<BearingDataException>(() => BearingRecordingSplit.Plan(["a/B007_0.mat", "a/../a/B007_0.mat"], ["a/B021_0.mat"])).Message, StringComparison.Ordinal);
        Assert.Throws<BearingDataException>(() => BearingRecordingSplit.Plan([], ["a/B021_0.mat"]));
    }

    [Fact]
    public void The_Halves_Of_A_Shared_Recording_Hold_No_Common_Stretch_Of_Signal()
    {
        var recording = CwruRecording.Load(RepositoryPaths.RequireDataFile("bearing/Normal_0.mat"));
        var settings = new BearingNodeSettings();

        var first = NodeFeatureReplay.Windows(recording, RecordingPart.FirstHalf, settings);
        var second = NodeFeatureReplay.Windows(recording, RecordingPart.SecondHalf, settings);

        var windowSeconds = settings.WindowSamples / settings.SampleRateHz;
        var firstEnds = first.Max(window => window.StartSeconds) + windowSeconds;
        var secondStarts = second.Min(window => window.StartSeconds);
        Assert.True(firstEnds <= secondStarts, $"first half ends at {firstEnds:F3} s, second starts at {secondStarts:F3} s");
        Assert.True(first.Count >= 7 && second.Count >= 7, $"{first.Count} and {second.Count} windows");
    }

    [Fact]
    public void Cross_Validation_Folds_Keep_Whole_Files_When_Each_Class_Has_Two_And_Time_Blocks_Otherwise()
    {
        static BearingFeatureWindow Window(string source, BearingFaultClass label, int index) =>
            new(source, RecordingPart.Whole, label, index, index, new Platform.Ingestion.Wire.AxisFeaturesWire
            {
                RmsG = 1, PeakG = 1, PeakToPeakG = 1, CrestFactor = 1, Kurtosis = 1, Skewness = 0, VelocityRmsMmPerSecond = 1,
                DominantFrequencyHz = 1, EnvelopeRmsG = 1, EnvelopeBpfoG = 1, EnvelopeBpfiG = 1, EnvelopeBsfG = 1, EnvelopeFtfG = 1,
            });

        var twoPerClass = BearingFaultClasses.All
            .SelectMany(label => new[] { "a", "b" }.SelectMany(file => Enumerable.Range(0, 5).Select(i => Window(label + file, label, i))))
            .ToList();
        var (scheme, folds, foldOf) = BearingModelSelection.AssignFolds(twoPerClass, 4);
        Assert.Equal(BearingModelSelection.GroupedByFile, scheme);
        Assert.Equal(2, folds);
        foreach (var file in twoPerClass.Select((window, index) => (window, index)).GroupBy(entry => entry.window.Source))
        {
            Assert.Single(file.Select(entry => foldOf[entry.index]).Distinct());
        }

        var onePerClass = BearingFaultClasses.All.SelectMany(label => Enumerable.Range(0, 8).Select(i => Window(label.ToString(), label, i))).ToList();
        var (blockScheme, blockFolds, blockFoldOf) = BearingModelSelection.AssignFolds(onePerClass, 4);
        Assert.Equal(BearingModelSelection.TimeBlocksWithinFile, blockScheme);
        Assert.Equal(4, blockFolds);
        Assert.Equal([0, 0, 1, 1, 2, 2, 3, 3], blockFoldOf.Take(8));
    }
}
