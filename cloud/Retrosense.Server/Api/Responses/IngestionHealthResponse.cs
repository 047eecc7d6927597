namespace Retrosense.Server.Api.Responses;

/// <summary>How far ingestion is behind.</summary>
/// <param name="PendingMessages">Accepted and not yet committed or quarantined.</param>
/// <param name="LastCommitLagMilliseconds">Receive-to-commit time of the newest committed batch's oldest message.</param>
public sealed record IngestionHealthResponse(long MessagesReceived, long MessagesStored, long PendingMessages, long LastCommitLagMilliseconds);
