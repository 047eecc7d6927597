namespace Retrosense.Platform.Ingestion;

/// <summary>What a batch write did: messages newly stored and messages skipped because (tenant, node, boot, seq) was already stored.</summary>
public sealed record IngestionBatchResult(int StoredCount, int DuplicateCount);
