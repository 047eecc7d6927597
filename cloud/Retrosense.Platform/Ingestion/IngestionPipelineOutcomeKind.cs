namespace Retrosense.Platform.Ingestion;

/// <summary>What the ingestion pipeline did with one submitted message.</summary>
public enum IngestionPipelineOutcomeKind
{
    /// <summary>Decoded, authorized and committed as a new message.</summary>
    Stored,

    /// <summary>Decoded and authorized, but (tenant, node, boot, seq) was already stored: a redelivery or a replay.</summary>
    Duplicate,

    /// <summary>Rejected (decoder, or the topic's node is not provisioned there) and kept in the quarantine with its reason.</summary>
    Quarantined,

    /// <summary>The sender may not publish on that topic (another node's topic); counted, logged, not stored anywhere.</summary>
    Unauthorized,
}
