using System.Collections.Generic;

namespace Retrosense.Platform.Ingestion;

/// <summary>What a batch write did: messages newly stored and messages skipped because (tenant, node, boot, seq) was already stored.</summary>
public sealed record IngestionBatchResult(int StoredCount, int DuplicateCount)
{
    /// <summary>The messages of the batch that were newly stored (duplicates left out), in batch order.</summary>
    public IReadOnlyList<DecodedNodeMessage> StoredMessages { get; init; } = [];
}
