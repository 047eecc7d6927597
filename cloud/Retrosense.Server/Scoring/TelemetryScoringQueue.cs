using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Retrosense.Server.Scoring;

/// <summary>
/// Hands committed telemetry from ingestion's observer loop to the scoring service without ever waiting: per asset a
/// small queue of windows (the oldest dropped first when it is full: drop-to-latest), and a FIFO of assets with work, so
/// a burst from one asset cannot starve the others and a slow scorer costs memory bounded by
/// <see cref="LiveScoringOptions.MaxPendingWindowsPerAsset"/> × <see cref="LiveScoringOptions.MaxPendingAssets"/>.
/// Thread-safe (one lock, held for a dictionary lookup and an enqueue).
/// </summary>
public sealed class TelemetryScoringQueue
{
    private readonly object _gate = new();
    private readonly Dictionary<ScoredAsset, Queue<ScoringWindow>> _pendingByAsset = [];
    private readonly Queue<ScoredAsset> _assetsWithWork = new();
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);
    private readonly int _maxPendingWindowsPerAsset;
    private readonly int _maxPendingAssets;
    private readonly ScoringStatistics _statistics;
    private long _pendingWindows;

    public TelemetryScoringQueue(LiveScoringOptions options, ScoringStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(options);
        _statistics = statistics ?? throw new ArgumentNullException(nameof(statistics));
        _maxPendingWindowsPerAsset = options.MaxPendingWindowsPerAsset;
        _maxPendingAssets = options.MaxPendingAssets;
    }

    /// <summary>Adds a window; never blocks. False when it (or, for a full asset queue, its oldest window) was dropped.</summary>
    public bool Enqueue(ScoredAsset asset, ScoringWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var accepted = true;
        var signal = false;
        lock (_gate)
        {
            if (!_pendingByAsset.TryGetValue(asset, out var pending))
            {
                if (_pendingByAsset.Count >= _maxPendingAssets)
                {
                    _statistics.Dropped();
                    return false;
                }

                pending = new Queue<ScoringWindow>();
                _pendingByAsset[asset] = pending;
                _assetsWithWork.Enqueue(asset);
                signal = true;
            }

            if (pending.Count >= _maxPendingWindowsPerAsset)
            {
                pending.Dequeue();
                _pendingWindows--;
                _statistics.Dropped();
                accepted = false;
            }

            pending.Enqueue(window);
            _pendingWindows++;
            _statistics.Queued();
            _statistics.SetPending(_pendingWindows);
        }

        if (signal)
        {
            _signal.Release();
        }

        return accepted;
    }

    /// <summary>Waits until some asset has windows, then takes the windows of up to <paramref name="maxAssets"/> assets, oldest asset first.</summary>
    public async Task<IReadOnlyList<(ScoredAsset Asset, IReadOnlyList<ScoringWindow> Windows)>> TakeAsync(int maxAssets, CancellationToken cancellationToken)
    {
        await _signal.WaitAsync(cancellationToken).ConfigureAwait(false);
        var taken = new List<(ScoredAsset, IReadOnlyList<ScoringWindow>)>();
        lock (_gate)
        {
            // One signal per asset queued: the first is consumed by the wait, the rest by the loop below.
            while (_assetsWithWork.Count > 0 && taken.Count < maxAssets)
            {
                if (taken.Count > 0 && !_signal.Wait(0))
                {
                    break;
                }

                var asset = _assetsWithWork.Dequeue();
                var pending = _pendingByAsset[asset];
                _pendingByAsset.Remove(asset);
                _pendingWindows -= pending.Count;
                taken.Add((asset, pending.ToArray()));
            }

            _statistics.SetPending(_pendingWindows);
        }

        return taken;
    }

    /// <summary>Windows waiting now.</summary>
    public long PendingWindows
    {
        get
        {
            lock (_gate)
            {
                return _pendingWindows;
            }
        }
    }
}
