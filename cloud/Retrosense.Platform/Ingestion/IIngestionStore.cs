using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Retrosense.Platform.Ingestion;

/// <summary>
/// Where decoded node messages and rejected ones are kept. Writes are exactly-once by (tenant, node, boot, seq): MQTT
/// delivers at least once and store-and-forward replays, so a repeat is counted and skipped, never an error.
/// </summary>
public interface IIngestionStore
{
    /// <summary>
    /// Stores <paramref name="messages"/> in one transaction: a row per new message (payload JSON kept for every kind)
    /// plus its kind's rows (telemetry features and environment, alarm, status). A message already stored, or repeated
    /// within the batch, is counted in <see cref="IngestionBatchResult.DuplicateCount"/>. The receive time recorded is
    /// the store's clock when the batch is written. In the same transaction it merges the new telemetry into the asset
    /// rollups (<see cref="Rollups.IRollupStore"/>) and records each node's activity (<see cref="NodeActivity"/>).
    /// </summary>
    Task<IngestionBatchResult> WriteBatchAsync(IReadOnlyList<DecodedNodeMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps a rejected message with its reason: the first <see cref="QuarantinedMessage.MaxStoredPayloadBytes"/> bytes
    /// of the payload and its original size. The tenant is taken from the topic when the topic parses.
    /// </summary>
    Task<QuarantinedMessage> QuarantineAsync(string topic, ReadOnlyMemory<byte> payload, RejectReason reason, DateTimeOffset receivedAtUtc, CancellationToken cancellationToken = default);

    /// <summary>Newest first; <paramref name="tenantId"/> null lists every tenant's (and topic-less) entries.</summary>
    Task<IReadOnlyList<QuarantinedMessage>> ListQuarantineAsync(string? tenantId, int limit, CancellationToken cancellationToken = default);

    Task<long> CountQuarantineAsync(string? tenantId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Telemetry windows of an asset with message time in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>),
    /// ordered by message time (then node, boot, seq), so late and historical messages fall into their own place.
    /// </summary>
    Task<IReadOnlyList<StoredTelemetryWindow>> GetTelemetryAsync(string tenantId, string assetId, DateTimeOffset fromUtc, DateTimeOffset toUtc, int limit, CancellationToken cancellationToken = default);

    /// <summary>Alarm messages of a tenant (optionally one asset) in message-time order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<StoredAlarm>> ListAlarmsAsync(string tenantId, string? assetId, DateTimeOffset fromUtc, DateTimeOffset toUtc, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Last-heard times of every node with a non-revoked registration that has sent at least one message, every
    /// tenant, ordered by tenant then node.
    /// </summary>
    Task<IReadOnlyList<NodeActivity>> ListNodeActivityAsync(CancellationToken cancellationToken = default);
}
