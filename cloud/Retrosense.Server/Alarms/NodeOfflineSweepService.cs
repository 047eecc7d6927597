using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Retrosense.Server.Alarms;

/// <summary>
/// Runs <see cref="CloudAlarmMonitor.SweepOfflineNodesAsync"/> periodically on the injected <see cref="TimeProvider"/>. A
/// failed sweep is logged and retried next time: alarms must never take the host down.
/// </summary>
public sealed class NodeOfflineSweepService : BackgroundService
{
    /// <summary>Longest pause between sweeps: an offline node is noticed at most this late.</summary>
    public static readonly TimeSpan MaximumInterval = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(1);

    private readonly CloudAlarmMonitor _monitor;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<NodeOfflineSweepService> _logger;

    public NodeOfflineSweepService(CloudAlarmMonitor monitor, TimeProvider timeProvider, ILogger<NodeOfflineSweepService> logger)
    {
        _monitor = monitor ?? throw new ArgumentNullException(nameof(monitor));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>A sixth of the offline limit (so lateness is small against it), between 1 s and <see cref="MaximumInterval"/>.</summary>
    public static TimeSpan IntervalFor(TimeSpan nodeOfflineAfter)
    {
        var interval = nodeOfflineAfter / 6;
        return interval < MinimumInterval ? MinimumInterval : interval > MaximumInterval ? MaximumInterval : interval;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = IntervalFor(_monitor.NodeOfflineAfter);
        CloudAlarmLog.SweepStarted(_logger, interval.TotalSeconds, _monitor.NodeOfflineAfter.TotalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, _timeProvider, stoppingToken).ConfigureAwait(false);
                await _monitor.SweepOfflineNodesAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A sweep that fails (store busy, disk full) must not stop the host; the next one retries.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                CloudAlarmLog.SweepFailed(_logger, exception, interval.TotalSeconds);
            }
        }
    }
}
