using System;

namespace Retrosense.Platform.Ingestion;

/// <summary>
/// When a node was last heard from: kept per node by the ingestion store as batches commit (a late or historical
/// message does not move <see cref="LastMessageAtUtc"/> backwards). The offline monitor compares
/// <see cref="LastReceivedAtUtc"/> with the node's heartbeat.
/// </summary>
/// <param name="LastReceivedAtUtc">Store clock when the newest batch holding one of its messages was written.</param>
/// <param name="LastMessageAtUtc">Largest message time (<c>ts</c>) seen from it.</param>
/// <param name="LastKind">Kind of the most recently received message (a <c>death</c> here means it said goodbye).</param>
/// <param name="LastBoot">Boot counter of the most recently received message.</param>
public sealed record NodeActivity(
    string TenantId,
    string SiteId,
    string AssetId,
    string NodeId,
    DateTimeOffset LastReceivedAtUtc,
    DateTimeOffset LastMessageAtUtc,
    string LastKind,
    long LastBoot);
