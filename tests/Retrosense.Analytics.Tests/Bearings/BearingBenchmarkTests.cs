using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Retrosense.Analytics.Bearings;
using Retrosense.Platform.Ingestion;
using Retrosense.Testing;

namespace Retrosense.Analytics.Tests.Bearings;

/// <summary>
/// End to end on the real CWRU files (0 hp): trained on the 0.007" faults and the first half of the normal recording,
/// tested on the 0.021" faults and the second half. Quick trainer settings keep it to seconds; the full run is
/// `retrosense bench bearing`.
/// </summary>
public sealed class BearingBenchmarkTests : IClassFixture<CwruZeroHorsepowerBenchmark>
{
    private readonly ITestOutputHelper _output;
    private readonly CwruZeroHorsepowerBenchmark _benchmark;

    public BearingBenchmarkTests(ITestOutputHelper output, CwruZeroHorsepowerBenchmark benchmark)
    {
        _output = output;
        _benchmark = benchmark;
    }

    [Fact]
    public void Trained_On_Small_Faults_It_Diagnoses_Large_Ones_From_Node_Features_Above_The_Floor()
    {
        var result = _benchmark.Result;

        var report = result.Report;
        _output.WriteLine($"accuracy {report.Accuracy:P2}, recall {string.Join(", ", report.RecallPerClass.Select(r => r.ToString("P1", System.Globalization.CultureInfo.InvariantCulture)))}, chosen {result.Selection.Chosen}");

        // Measured 98.9 % with these settings; the floor leaves room for a seed or trainer change, not for a broken pipeline.
        Assert.True(report.Accuracy >= 0.95, $"accuracy {report.Accuracy:P2}");
        Assert.All(report.RecallPerClass, recall => Assert.True(recall >= 0.85, $"a class recall is {recall:P1}"));
        Assert.Equal([7, 29, 29, 29], report.WindowsPerClass);
        Assert.Equal(RecordingPart.FirstHalf, result.Train.Single(file => file.Label == BearingFaultClass.Normal).Part);
        Assert.Equal(RecordingPart.SecondHalf, result.Test.Single(file => file.Label == BearingFaultClass.Normal).Part);
        Assert.Equal(4, result.Test.Single(file => file.Label == BearingFaultClass.Normal).DecimationFactor);
        Assert.Empty(result.Train.Where(file => file.Part == RecordingPart.Whole).Select(file => file.Path)
            .Intersect(result.Test.Select(file => file.Path)));
        Assert.True(result.PredictionsPerSecond > 0);
    }

    [Fact]
    public void The_Live_Classifier_Gives_Probabilities_Is_Thread_Safe_Survives_Save_And_Load_And_Refuses_Other_Nodes()
    {
        var result = _benchmark.Result;
        var classifier = result.Classifier;
        var recording = CwruRecording.Load(RepositoryPaths.RequireDataFile("bearing/IR021_0.mat"));
        var windows = NodeFeatureReplay.Windows(recording, RecordingPart.Whole, classifier.NodeSettings);

        var sequential = windows.Select(window => classifier.Classify(window.Features)).ToList();
        Assert.All(sequential, prediction => Assert.Equal(1.0, prediction.Probabilities.Sum(), 6));
        Assert.True(sequential.Count(prediction => prediction.FaultClass == BearingFaultClass.InnerRace) >= 0.9 * windows.Count);

        var parallel = new BearingFaultPrediction[windows.Count];
        Parallel.For(0, windows.Count * 8, i => parallel[i % windows.Count] = classifier.Classify(windows[i % windows.Count].Features));
        Assert.Equal(sequential.Select(p => p.Probabilities.ToArray()), parallel.Select(p => p.Probabilities.ToArray()));

        var folder = Path.Combine(Path.GetTempPath(), "bearing-model-" + Guid.NewGuid().ToString("N"));
        try
        {
            classifier.Save(folder);
            var loaded = BearingFaultClassifier.Load(folder);
            Assert.Equal(classifier.Candidate.Features, loaded.Candidate.Features);
            Assert.Equal(classifier.NodeSettings, loaded.NodeSettings);
            var reloaded = windows.Select(window => loaded.Classify(window.Features)).ToList();
            for (var i = 0; i < windows.Count; i++)
            {
                Assert.Equal(sequential[i].FaultClass, reloaded[i].FaultClass);
                Assert.Equal(sequential[i].Confidence, reloaded[i].Confidence, 5);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var stored = Stored(windows[0].Features, rateHz: 12_000, samples: 4096);
        Assert.True(classifier.TryClassify(stored, out var diagnosis, out _));
        Assert.Equal("x", diagnosis!.Axis);
        Assert.Equal(sequential[0].FaultClass, diagnosis.Prediction.FaultClass);

        Assert.False(classifier.TryClassify(Stored(windows[0].Features, rateHz: 3_200, samples: 4096), out _, out var rateReason));
        Assert.Contains("3200 Hz", rateReason, StringComparison.Ordinal);

        var noGeometry = windows[0].Features with { EnvelopeBpfoG = 0, EnvelopeBpfiG = 0, EnvelopeBsfG = 0, EnvelopeFtfG = 0 };
        Assert.False(classifier.TryClassify(noGeometry, out _, out var geometryReason));
        Assert.Contains("bearing geometry", geometryReason, StringComparison.Ordinal);
        Assert.Throws<BearingDataException>(() => classifier.Classify(windows[0].Features with { Kurtosis = null }));
    }

    // The y and z axes of a single-axis recording are flat: zero RMS, so they cannot be classified and x is read.
    private static StoredTelemetryWindow Stored(Platform.Ingestion.Wire.AxisFeaturesWire x, double rateHz, long samples)
    {
        var flat = x with { RmsG = 0, EnvelopeRmsG = 0 };
        var now = DateTimeOffset.UnixEpoch;
        return new StoredTelemetryWindow("t", "s", "a", "n", 1, 1, now, now, false, 1, rateHz, samples, "A", 0.1, x, flat, flat, null);
    }
}
