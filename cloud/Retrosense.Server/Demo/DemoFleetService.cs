using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Retrosense.Platform.Ingestion;

namespace Retrosense.Server.Demo;

/// <summary>
/// Seeds (or resumes) the demo tenant and runs its fleet against the embedded broker until the host stops. Registered
/// last, so it stops first: its nodes' death messages still reach a running broker and ingestion. Never fails the host.
/// </summary>
public sealed class DemoFleetService : BackgroundService
{
    /// <summary>How long a stopping server waits for the demo nodes' death messages to be stored.</summary>
    public static readonly TimeSpan DeathWait = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan DeathPollInterval = TimeSpan.FromMilliseconds(50);

    private readonly DemoFleetSeeder _seeder;
    private readonly IIngestionStore _ingestion;
    private readonly IBrokerEndpoint? _broker;
    private readonly ServerOptions _options;
    private readonly ILogger<DemoFleetService> _logger;
    private readonly TaskCompletionSource<DemoSeedOutcome?> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DemoFleetService(DemoFleetSeeder seeder, IIngestionStore ingestion, ServerOptions options, ILogger<DemoFleetService> logger, IBrokerEndpoint? broker = null)
    {
        _seeder = seeder ?? throw new ArgumentNullException(nameof(seeder));
        _ingestion = ingestion ?? throw new ArgumentNullException(nameof(ingestion));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _broker = broker;
    }

    /// <summary>Completes once the fleet runs (the seeding outcome) or the demo decided not to run (null).</summary>
    public Task<DemoSeedOutcome?> Started => _started.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DemoFleet? fleet = null;
        try
        {
            if (_broker is null || !_broker.IsEmbedded)
            {
                DemoLog.NeedsEmbeddedBroker(_logger, _options.ExternalBroker?.ToString() ?? "no broker");
                _started.TrySetResult(null);
                return;
            }

            var address = await _broker.WaitUntilListeningAsync(stoppingToken).ConfigureAwait(false);
            var outcome = await _seeder.SeedOrResumeAsync(stoppingToken).ConfigureAwait(false);
            if (outcome.Action == DemoSeedAction.SkippedStoreInUse || outcome.Nodes.Count == 0)
            {
                DemoLog.SkippedStoreInUse(_logger);
                _started.TrySetResult(null);
                return;
            }

            fleet = DemoFleet.Start(outcome.Nodes, address, _logger);
            DemoLog.Started(_logger, outcome.Action, DemoFleetPlan.TenantId, fleet.NodeCount, address, DemoFleetPlan.FaultyAssetId);
            _started.TrySetResult(outcome);
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
#pragma warning disable CA1031 // The demo is a convenience: a failure is logged and the server keeps ingesting.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            DemoLog.Failed(_logger, exception);
        }
        finally
        {
            _started.TrySetResult(null);
            if (fleet is not null)
            {
                await fleet.DisposeAsync().ConfigureAwait(false);
                await WaitForDeathsAsync(fleet.NodeCount).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The broker publishes a will after the client's DISCONNECT is processed, asynchronously, and the host stops the
    /// broker right after this service; waiting here (bounded) lets every death be committed before that.
    /// </summary>
    private async Task WaitForDeathsAsync(int nodeCount)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var dead = 0;
        while (waited.Elapsed < DeathWait)
        {
            try
            {
                dead = 0;
                foreach (var activity in await _ingestion.ListNodeActivityAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    if (string.Equals(activity.TenantId, DemoFleetPlan.TenantId, StringComparison.Ordinal) && string.Equals(activity.LastKind, "death", StringComparison.Ordinal))
                    {
                        dead++;
                    }
                }
            }
#pragma warning disable CA1031 // Shutting down: a store error only ends the wait early.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                DemoLog.Failed(_logger, exception);
                break;
            }

            if (dead >= nodeCount)
            {
                break;
            }

            await Task.Delay(DeathPollInterval, CancellationToken.None).ConfigureAwait(false);
        }

        DemoLog.Stopped(_logger, nodeCount, dead, waited.Elapsed.TotalMilliseconds);
    }
}
