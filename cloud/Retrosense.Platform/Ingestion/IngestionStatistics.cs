using System.Threading;

namespace Retrosense.Platform.Ingestion;

/// <summary>
/// Running totals of the ingestion pipeline since the process started, for /metrics and logs. Thread-safe; the
/// pipeline increments, readers take a <see cref="Snapshot"/>.
/// </summary>
public sealed class IngestionStatistics
{
    private long _messagesReceived;
    private long _messagesStored;
    private long _duplicates;
    private long _quarantined;
    private long _unauthorized;
    private long _batchesCommitted;
    private long _pendingMessages;
    private long _lastCommitLagMilliseconds;

    public void AddReceived(long count = 1) => Interlocked.Add(ref _messagesReceived, count);

    public void AddStored(long count) => Interlocked.Add(ref _messagesStored, count);

    public void AddDuplicates(long count) => Interlocked.Add(ref _duplicates, count);

    public void AddQuarantined(long count = 1) => Interlocked.Add(ref _quarantined, count);

    /// <summary>Publishes refused because the identity may not publish on that topic (not stored anywhere).</summary>
    public void AddUnauthorized(long count = 1) => Interlocked.Add(ref _unauthorized, count);

    public void AddBatchCommitted() => Interlocked.Increment(ref _batchesCommitted);

    /// <summary>Messages accepted by the pipeline and not yet committed or quarantined.</summary>
    public void AddPending(long delta) => Interlocked.Add(ref _pendingMessages, delta);

    /// <summary>Receive-to-commit time of the newest committed batch's oldest message.</summary>
    public void SetLastCommitLag(long milliseconds) => Interlocked.Exchange(ref _lastCommitLagMilliseconds, milliseconds);

    public IngestionStatisticsSnapshot Snapshot() => new(
        Interlocked.Read(ref _messagesReceived),
        Interlocked.Read(ref _messagesStored),
        Interlocked.Read(ref _duplicates),
        Interlocked.Read(ref _quarantined),
        Interlocked.Read(ref _unauthorized),
        Interlocked.Read(ref _batchesCommitted),
        Interlocked.Read(ref _pendingMessages),
        Interlocked.Read(ref _lastCommitLagMilliseconds));
}
