using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Retrosense.Analytics.Anomaly;
using Retrosense.Node.Configuration;
using Retrosense.Node.Host.Simulation;
using Retrosense.Platform.Ingestion.Wire;
using Retrosense.Server.Scoring;
using Retrosense.Storage;

namespace Retrosense.Server.Tests.Scoring;

/// <summary>
/// Reports (does not assert) how fast live scoring runs: predictions per second through <see cref="AssetHealthScoring"/>
/// into a SQLite store, and the baseline's scoring alone. Wall time on this shared machine mostly measures the
/// neighbours; the process CPU time is printed too.
/// </summary>
public sealed class ScoringThroughputTests
{
    private const int Assets = 200;
    private const int WindowsPerAsset = 25;

    [Fact]
    public async Task Scoring_Throughput_Into_A_Sqlite_Store_Is_Reported()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var directory = Path.Combine(Path.GetTempPath(), "retrosense-scoring-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            await using var store = await ReportingStoreFactory.OpenAsync(ReportingStoreOptions.ForSqlite(Path.Combine(directory, "retrosense.db")), cancellation);
            var options = new LiveScoringOptions();
            var statistics = new ScoringStatistics();
            var scoring = new AssetHealthScoring(store.Models, store.Predictions, store.Alarms, options, statistics, NullLogger<AssetHealthScoring>.Instance);

            // One simulated healthy pump's windows, fed to every asset; each asset gets the baseline of its first 60 windows.
            var node = SimulatedMachines.Node("pump-1", 41, 1780, Foundation.Rigid, FaultPlan.None);
            var messages = Enumerable.Range(0, 60 + WindowsPerAsset).Select(i => node.WindowAt(i * 60.0)).ToList();
            var baseline = AnomalyBaseline.Fit(messages.Take(60).Select(message => FeatureWindow.FromTelemetry("n-1", (TelemetryWire)message.Message)).ToList(), options.Anomaly);
            var assets = Enumerable.Range(0, Assets).Select(i => new ScoredAsset("acme", "plant-1", "pump-" + i.ToString(CultureInfo.InvariantCulture))).ToList();
            foreach (var asset in assets)
            {
                await scoring.RegisterBaselineAsync(asset, baseline, "throughput test", cancellation);
            }

            var work = assets.Select(asset => (asset, (IReadOnlyList<ScoringWindow>)messages.Skip(60).Select(message => new ScoringWindow("n-1", (TelemetryWire)message.Message)).ToList())).ToList();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var stored = 0;
            foreach (var pass in work.Chunk(options.AssetsPerPass))
            {
                stored += await scoring.ScoreAsync(pass, cancellation);
            }

            wall.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

            var windows = messages.Skip(60).Select(message => FeatureWindow.FromTelemetry("n-1", (TelemetryWire)message.Message)).ToList();
            var scoreOnly = Stopwatch.StartNew();
            var scoredAlone = 0;
            while (scoreOnly.Elapsed < TimeSpan.FromSeconds(1))
            {
                foreach (var window in windows)
                {
                    scoredAlone += baseline.Score(window, options.Anomaly).HealthScore > 0 ? 1 : 0;
                }
            }

            scoreOnly.Stop();
            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{stored} predictions of {Assets} assets stored in {wall.Elapsed.TotalSeconds:0.00} s wall ({stored / wall.Elapsed.TotalSeconds:0} predictions_per_second), {cpu.TotalSeconds:0.00} s CPU ({stored / cpu.TotalSeconds:0} per CPU-second); baseline scoring alone {scoredAlone / scoreOnly.Elapsed.TotalSeconds:0} windows/s"));
            Assert.Equal(Assets * WindowsPerAsset, stored);
            Assert.Equal(Assets * WindowsPerAsset, statistics.WindowsScored);
            Assert.All(await store.Predictions.GetLatestAsync("acme", "plant-1", "pump-0", cancellation), prediction => Assert.Equal("normal", prediction.Label));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
