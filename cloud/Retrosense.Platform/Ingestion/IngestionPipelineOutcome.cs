namespace Retrosense.Platform.Ingestion;

/// <summary>
/// The durable result of <see cref="IngestionPipeline.SubmitAsync"/>: by the time a caller has it, a stored, duplicate or
/// quarantined message is committed, so the broker may acknowledge it.
/// </summary>
/// <param name="Reason">Why the message was quarantined or refused; null when stored or duplicate.</param>
public sealed record IngestionPipelineOutcome(IngestionPipelineOutcomeKind Kind, RejectReason? Reason)
{
    public static IngestionPipelineOutcome Stored { get; } = new(IngestionPipelineOutcomeKind.Stored, null);

    public static IngestionPipelineOutcome Duplicate { get; } = new(IngestionPipelineOutcomeKind.Duplicate, null);

    /// <summary>True when the message is durably kept (stored, already stored, or quarantined): safe to acknowledge.</summary>
    public bool IsDurable => Kind != IngestionPipelineOutcomeKind.Unauthorized;
}
