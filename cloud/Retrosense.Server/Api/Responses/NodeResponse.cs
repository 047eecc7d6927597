using System;

namespace Retrosense.Server.Api.Responses;

/// <summary>
/// A node registration with when the cloud last heard from it. Revoked registrations are listed too (a replaced board
/// keeps its node id), so a node id may appear more than once; at most one of them is <c>provisioned</c>.
/// </summary>
/// <param name="Status"><c>provisioned</c> (messages accepted) or <c>revoked</c>.</param>
/// <param name="Board"><c>esp32</c>, <c>stm32</c> or <c>linux</c>.</param>
/// <param name="ConfigVersion">Config version in force as last recorded (provisioning, then config-acks).</param>
/// <param name="FirmwareVersionLastSeen">From the node's last birth message; null until it connected.</param>
/// <param name="LastReceivedAtUtc">When the store last committed a message of the node; null when never (or for a revoked registration).</param>
/// <param name="LastMessageAtUtc">Newest message time (<c>ts</c>) seen from the node.</param>
/// <param name="LastKind">Kind of the most recently received message (<c>death</c>: it said goodbye).</param>
/// <param name="LastBoot">Boot counter of the most recently received message.</param>
public sealed record NodeResponse(
    string TenantId,
    string SiteId,
    string AssetId,
    string NodeId,
    string Status,
    string Board,
    int ConfigVersion,
    DateTime ProvisionedAtUtc,
    DateTime? RevokedAtUtc,
    string? RevocationReason,
    string? FirmwareVersionLastSeen,
    DateTime? LastReceivedAtUtc,
    DateTime? LastMessageAtUtc,
    string? LastKind,
    long? LastBoot);
