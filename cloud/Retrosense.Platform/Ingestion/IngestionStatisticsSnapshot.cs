namespace Retrosense.Platform.Ingestion;

/// <summary>The totals of <see cref="IngestionStatistics"/> at one moment.</summary>
public sealed record IngestionStatisticsSnapshot(
    long MessagesReceived,
    long MessagesStored,
    long Duplicates,
    long Quarantined,
    long Unauthorized,
    long BatchesCommitted,
    long PendingMessages,
    long LastCommitLagMilliseconds);
