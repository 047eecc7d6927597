using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Retrosense.Server.Demo;

namespace Retrosense.Server.Scoring;

/// <summary>
/// The scoring loop: takes queued windows (<see cref="TelemetryScoringQueue"/>) asset by asset and scores them with
/// <see cref="AssetHealthScoring"/>, off ingestion's path. With the demo fleet it first seeds the demo machines'
/// baselines (<see cref="DemoBaselineSeeder"/>), after the fleet registered its tenant; windows that arrive meanwhile wait.
/// A failing pass is logged and counted, and the loop goes on.
/// </summary>
public sealed class LiveScoringService : BackgroundService
{
    private readonly TelemetryScoringQueue _queue;
    private readonly AssetHealthScoring _scoring;
    private readonly DemoBaselineSeeder _demoBaselines;
    private readonly DemoFleetService? _demoFleet;
    private readonly LiveScoringOptions _options;
    private readonly ScoringStatistics _statistics;
    private readonly ILogger<LiveScoringService> _logger;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LiveScoringService(
        TelemetryScoringQueue queue,
        AssetHealthScoring scoring,
        DemoBaselineSeeder demoBaselines,
        LiveScoringOptions options,
        ScoringStatistics statistics,
        ILogger<LiveScoringService> logger,
        DemoFleetService? demoFleet = null)
    {
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
        _scoring = scoring ?? throw new ArgumentNullException(nameof(scoring));
        _demoBaselines = demoBaselines ?? throw new ArgumentNullException(nameof(demoBaselines));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _statistics = statistics ?? throw new ArgumentNullException(nameof(statistics));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _demoFleet = demoFleet;
    }

    /// <summary>Completes when the loop scores (after the demo baselines, if any, are in the registry).</summary>
    public Task Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await SeedDemoBaselinesAsync(stoppingToken).ConfigureAwait(false);
            ScoringLog.Started(_logger, _options.Anomaly.MinimumBaselineWindows, _options.AlarmRule.WarningBelowHealth, _options.AlarmRule.RaiseAfterWindows);
            _ready.TrySetResult();
            while (!stoppingToken.IsCancellationRequested)
            {
                var work = await _queue.TakeAsync(_options.AssetsPerPass, stoppingToken).ConfigureAwait(false);
                if (work.Count == 0)
                {
                    continue;
                }

                try
                {
                    await _scoring.ScoreAsync(work, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    throw;
                }
#pragma warning disable CA1031 // A bad window or a store hiccup must not stop scoring for every other asset.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    _statistics.Failed();
                    ScoringLog.PassFailed(_logger, exception, work.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        finally
        {
            _ready.TrySetResult();
        }
    }

    private async Task SeedDemoBaselinesAsync(CancellationToken stoppingToken)
    {
        if (_demoFleet is null || _options.DemoBaselineWindows == 0)
        {
            return;
        }

        var outcome = await _demoFleet.Started.WaitAsync(stoppingToken).ConfigureAwait(false);
        if (outcome is null)
        {
            return;
        }

        try
        {
            await _demoBaselines.SeedAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The demo's baselines are a convenience; scoring goes on and learns them live.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            ScoringLog.DemoBaselinesFailed(_logger, exception);
        }
    }
}
