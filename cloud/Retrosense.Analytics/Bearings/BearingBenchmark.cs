using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;

namespace Retrosense.Analytics.Bearings;

/// <summary>
/// The CWRU bearing benchmark in named steps: split by recording, replay each recording through the node's feature
/// extractor, choose feature set and trainer by cross-validation on the training side, train the chosen one, score the
/// test windows through the live API, and time training and prediction.
/// </summary>
public static class BearingBenchmark
{
    /// <summary>Least time spent measuring prediction throughput, so the figure is not a handful of timer ticks.</summary>
    private static readonly TimeSpan ThroughputMeasuringTime = TimeSpan.FromMilliseconds(500);

    /// <summary>Runs the benchmark.</summary>
    /// <exception cref="BearingDataException">Bad input: labels, rates, channels, the split.</exception>
    public static BearingBenchmarkResult Run(BearingBenchmarkOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var split = BearingRecordingSplit.Plan(options.TrainPaths, options.TestPaths, options.SharedFileTrainPart);
        var recordings = new Dictionary<string, CwruRecording>(StringComparer.Ordinal);
        var (trainWindows, trainSummaries) = Replay(split.Train, recordings, options, cancellationToken);
        var (testWindows, testSummaries) = Replay(split.Test, recordings, options, cancellationToken);

        cancellationToken.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        var selection = BearingModelSelection.Choose(trainWindows, options.NodeSettings, options.Training);
        var selectionSeconds = clock.Elapsed.TotalSeconds;

        cancellationToken.ThrowIfCancellationRequested();
        clock.Restart();
        var classifier = BearingFaultTrainer.Train(trainWindows, selection.Chosen, options.NodeSettings, options.Training);
        var trainSeconds = clock.Elapsed.TotalSeconds;

        var report = BearingClassificationReport.From(testWindows.Select(window => (window.Label, classifier.Classify(window.Features).FaultClass)));
        var predictionsPerSecond = MeasureThroughput(classifier, testWindows, cancellationToken);
        var trainPerClass = BearingFaultClasses.All.Select(faultClass => trainWindows.Count(window => window.Label == faultClass)).ToArray();
        return new BearingBenchmarkResult(
            options.Training.Seed, options.NodeSettings, trainSummaries, testSummaries, trainPerClass, selection, report, selectionSeconds, trainSeconds, predictionsPerSecond, classifier);
    }

    private static (List<BearingFeatureWindow> Windows, List<BearingRecordingSummary> Summaries) Replay(
        IReadOnlyList<BearingRecordingUse> uses,
        Dictionary<string, CwruRecording> recordings,
        BearingBenchmarkOptions options,
        CancellationToken cancellationToken)
    {
        var windows = new List<BearingFeatureWindow>();
        var summaries = new List<BearingRecordingSummary>();
        foreach (var use in uses)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = Path.GetFullPath(use.Path);
            if (!recordings.TryGetValue(key, out var recording))
            {
                recording = CwruRecording.Load(use.Path, options.SampleRateOverridesHz);
                recordings[key] = recording;
            }

            var replayed = NodeFeatureReplay.Windows(recording, use.Part, options.NodeSettings);
            windows.AddRange(replayed);
            summaries.Add(new BearingRecordingSummary(
                use.Path,
                use.Part,
                recording.Name.FaultClass,
                recording.ChannelName,
                recording.SampleRateHz,
                recording.SampleRateSource,
                AntiAliasDecimator.Factor(recording.SampleRateHz, options.NodeSettings.SampleRateHz),
                recording.ShaftSpeedRpm,
                replayed.Count));
        }

        return (windows, summaries);
    }

    // The live path, one window at a time on one thread: feature ratios, a pooled prediction engine, probabilities.
    private static double MeasureThroughput(BearingFaultClassifier classifier, IReadOnlyList<BearingFeatureWindow> windows, CancellationToken cancellationToken)
    {
        if (windows.Count == 0)
        {
            return double.NaN;
        }

        var predictions = 0L;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ThroughputMeasuringTime)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var window in windows)
            {
                _ = classifier.Classify(window.Features);
            }

            predictions += windows.Count;
        }

        return predictions / clock.Elapsed.TotalSeconds;
    }
}
