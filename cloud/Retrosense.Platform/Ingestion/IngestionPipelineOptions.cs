using System;

namespace Retrosense.Platform.Ingestion;

/// <summary>Tuning of <see cref="IngestionPipeline"/>.</summary>
public sealed record IngestionPipelineOptions
{
    /// <summary>
    /// Most messages written in one store transaction. The writer takes whatever is queued up to this: under light load a
    /// batch is one message (lowest latency), under heavy load batches grow and the per-transaction cost is shared.
    /// </summary>
    public int MaxBatchSize { get; init; } = 1000;

    /// <summary>
    /// Messages waiting for the writer before submitters wait (back-pressure to the broker, which then stops reading
    /// from clients): bounds memory when the store is slower than the network.
    /// </summary>
    public int QueueCapacity { get; init; } = 20_000;

    /// <summary>
    /// How long a positive "node is provisioned here" answer of the registry is reused. A revocation therefore stops a
    /// still-connected node's messages within this time (new connections are refused at once).
    /// </summary>
    public TimeSpan AuthorizationCacheDuration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Committed batches waiting for the observers before the writer waits for them (bounds memory).</summary>
    public int ObserverQueueCapacity { get; init; } = 256;
}
