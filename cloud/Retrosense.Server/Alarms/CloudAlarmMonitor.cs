using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Retrosense.Platform.Alarms;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Ingestion.Wire;

namespace Retrosense.Server.Alarms;

/// <summary>
/// Turns committed node messages into alarm lifecycles in <see cref="IAlarmStore"/>: a node's own <c>alarm</c> messages
/// (raised/cleared), cloud <c>zone</c> alarms from telemetry zone changes, and <c>node-offline</c> on <c>death</c> or when
/// a node stays silent (<see cref="SweepOfflineNodesAsync"/>); any later message from an offline node clears it.
/// </summary>
/// <remarks>
/// Ingestion calls <see cref="OnCommittedAsync"/> after every committed batch, possibly thousands of messages a second,
/// so the monitor remembers each node's last zone and which nodes are offline and touches the store only on a change.
/// That memory is rebuilt after a restart: the first zone seen per node is written (raise is idempotent, a clear of
/// nothing is a no-op), and the offline set is loaded from the store's active <c>node-offline</c> alarms.
/// Calls are serialized by one gate: the observer and the sweep never interleave.
/// </remarks>
public sealed class CloudAlarmMonitor : IIngestedMessageObserver
{
    private const string Actor = "cloud";

    private readonly IAlarmStore _alarms;
    private readonly IIngestionStore _ingestion;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _nodeOfflineAfter;
    private readonly ILogger<CloudAlarmMonitor> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<NodeKey, ZoneReading> _lastZoneByNode = [];
    private readonly Dictionary<NodeAlarmKey, long> _lastNodeAlarmMessageTimeByKey = [];
    private Dictionary<NodeKey, OfflineNode>? _offlineNodes;

    public CloudAlarmMonitor(IAlarmStore alarms, IIngestionStore ingestion, TimeProvider timeProvider, ServerOptions options, ILogger<CloudAlarmMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _alarms = alarms ?? throw new ArgumentNullException(nameof(alarms));
        _ingestion = ingestion ?? throw new ArgumentNullException(nameof(ingestion));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        if (options.NodeOfflineAfter <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.NodeOfflineAfter, "NodeOfflineAfter must be positive");
        }

        _nodeOfflineAfter = options.NodeOfflineAfter;
    }

    /// <summary>How long a node may stay silent before the sweep raises <c>node-offline</c>.</summary>
    public TimeSpan NodeOfflineAfter => _nodeOfflineAfter;

    public async Task OnCommittedAsync(IReadOnlyList<DecodedNodeMessage> newlyStoredMessages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newlyStoredMessages);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var offline = await GetOfflineNodesAsync(cancellationToken).ConfigureAwait(false);
            foreach (var message in newlyStoredMessages)
            {
                var node = new NodeKey(message.Topic.Tenant, message.Topic.Node);
                if (message.Message is DeathWire)
                {
                    await RaiseOfflineAsync(offline, node, message.Topic.Site, message.Topic.Asset, "node said goodbye (death message)", cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (offline.ContainsKey(node))
                {
                    var reason = string.Create(CultureInfo.InvariantCulture, $"node sent {message.Kind} (boot {message.Message.Boot}, seq {message.Message.Seq})");
                    await ClearOfflineAsync(offline, node, reason, cancellationToken).ConfigureAwait(false);
                }

                switch (message.Message)
                {
                    case AlarmWire alarm:
                        await ApplyNodeAlarmAsync(message, alarm, cancellationToken).ConfigureAwait(false);
                        break;
                    case TelemetryWire telemetry:
                        await ApplyZoneAsync(message, telemetry, cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Raises <c>node-offline</c> for every node whose last message is older than <see cref="NodeOfflineAfter"/> (or was a
    /// <c>death</c> nobody turned into an alarm), and clears it for a node heard from since it was raised (in case a
    /// message reached the store without passing the observer). Returns how many alarms were raised.
    /// </summary>
    public async Task<int> SweepOfflineNodesAsync(CancellationToken cancellationToken)
    {
        var activities = await _ingestion.ListNodeActivityAsync(cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var offline = await GetOfflineNodesAsync(cancellationToken).ConfigureAwait(false);
            var nowUtc = _timeProvider.GetUtcNow();
            var raised = 0;
            foreach (var activity in activities)
            {
                var node = new NodeKey(activity.TenantId, activity.NodeId);
                var saidGoodbye = string.Equals(activity.LastKind, "death", StringComparison.Ordinal);
                var silence = nowUtc - activity.LastReceivedAtUtc;
                if (offline.TryGetValue(node, out var known))
                {
                    if (!saidGoodbye && activity.LastReceivedAtUtc > known.RaisedAtUtc && silence < _nodeOfflineAfter)
                    {
                        await ClearOfflineAsync(offline, node, "node heard from again (" + activity.LastKind + ")", cancellationToken).ConfigureAwait(false);
                    }

                    continue;
                }

                if (saidGoodbye)
                {
                    await RaiseOfflineAsync(offline, node, activity.SiteId, activity.AssetId, "node said goodbye (death message)", cancellationToken).ConfigureAwait(false);
                    raised++;
                }
                else if (silence >= _nodeOfflineAfter)
                {
                    var reason = string.Create(CultureInfo.InvariantCulture, $"no message for {silence.TotalSeconds:0} s (limit {_nodeOfflineAfter.TotalSeconds:0} s; last {activity.LastKind} at {activity.LastReceivedAtUtc:O})");
                    await RaiseOfflineAsync(offline, node, activity.SiteId, activity.AssetId, reason, cancellationToken).ConfigureAwait(false);
                    raised++;
                }
            }

            return raised;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Dictionary<NodeKey, OfflineNode>> GetOfflineNodesAsync(CancellationToken cancellationToken)
    {
        if (_offlineNodes is not null)
        {
            return _offlineNodes;
        }

        var active = await _alarms.ListActiveByConditionAsync(CloudAlarmConditions.NodeOffline, cancellationToken).ConfigureAwait(false);
        var offline = new Dictionary<NodeKey, OfflineNode>();
        foreach (var alarm in active)
        {
            if (alarm.NodeId is { } nodeId)
            {
                offline[new NodeKey(alarm.TenantId, nodeId)] = new OfflineNode(alarm.AssetId, alarm.RaisedAtUtc);
            }
        }

        _offlineNodes = offline;
        return offline;
    }

    private async Task RaiseOfflineAsync(Dictionary<NodeKey, OfflineNode> offline, NodeKey node, string siteId, string assetId, string reason, CancellationToken cancellationToken)
    {
        // Detection time: a will's ts is when the node connected, not when it went away.
        var nowUtc = _timeProvider.GetUtcNow();
        var alarm = await _alarms.RaiseAsync(
            new AlarmRaise(node.TenantId, siteId, assetId, node.NodeId, AlarmOrigin.Cloud, CloudAlarmConditions.NodeOffline, AlarmSeverity.Warning, "node offline: " + reason, null, null, nowUtc),
            cancellationToken).ConfigureAwait(false);
        offline[node] = new OfflineNode(assetId, alarm.RaisedAtUtc);
        CloudAlarmLog.Raised(_logger, alarm.AlarmId, node.TenantId, assetId, node.NodeId, CloudAlarmConditions.NodeOffline, alarm.Severity, alarm.Message);
    }

    private async Task ClearOfflineAsync(Dictionary<NodeKey, OfflineNode> offline, NodeKey node, string reason, CancellationToken cancellationToken)
    {
        var entry = offline[node];
        offline.Remove(node);
        var cleared = await _alarms.ClearAsync(node.TenantId, entry.AssetId, node.NodeId, CloudAlarmConditions.NodeOffline, _timeProvider.GetUtcNow(), reason, cancellationToken).ConfigureAwait(false);
        if (cleared is not null)
        {
            CloudAlarmLog.Cleared(_logger, cleared.AlarmId, node.TenantId, entry.AssetId, node.NodeId, CloudAlarmConditions.NodeOffline, reason);
        }
    }

    private async Task ApplyNodeAlarmAsync(DecodedNodeMessage message, AlarmWire alarm, CancellationToken cancellationToken)
    {
        var detail = alarm.Alarm;
        var topic = message.Topic;
        var conditionKey = CloudAlarmConditions.ForNodeAlarm(detail.Source, detail.Channel, detail.Axis);

        // A replayed older alarm message must not reopen or close what a newer one decided.
        var key = new NodeAlarmKey(topic.Tenant, topic.Asset, topic.Node, conditionKey);
        var messageTime = alarm.TimestampUnixMilliseconds;
        if (_lastNodeAlarmMessageTimeByKey.TryGetValue(key, out var lastTime) && messageTime < lastTime)
        {
            return;
        }

        _lastNodeAlarmMessageTimeByKey[key] = messageTime;
        var atUtc = DateTimeOffset.FromUnixTimeMilliseconds(messageTime);
        var severity = CloudAlarmConditions.ParseSeverity(detail.Severity);
        var actor = "node:" + topic.Node;
        if (string.Equals(detail.State, "raised", StringComparison.Ordinal))
        {
            await RaiseNodeAlarmAsync(message, detail, conditionKey, severity, atUtc, cancellationToken).ConfigureAwait(false);
            return;
        }

        var reason = string.Create(CultureInfo.InvariantCulture, $"{actor} cleared {detail.Severity} (value {Describe(detail.Value)}, threshold {Describe(detail.Threshold)})");
        var cleared = await _alarms.ClearAsync(topic.Tenant, topic.Asset, topic.Node, conditionKey, atUtc, reason, cancellationToken).ConfigureAwait(false);
        if (cleared is not null)
        {
            CloudAlarmLog.Cleared(_logger, cleared.AlarmId, topic.Tenant, topic.Asset, topic.Node, conditionKey, reason);
        }

        // D → C is reported as "cleared alarm" with the new zone: the machine is still in C, so a warning stays open.
        if (string.Equals(detail.Source, "zone", StringComparison.Ordinal) && string.Equals(detail.Zone, "C", StringComparison.Ordinal))
        {
            await RaiseNodeAlarmAsync(message, detail, conditionKey, AlarmSeverity.Warning, atUtc, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RaiseNodeAlarmAsync(DecodedNodeMessage message, AlarmDetailWire detail, string conditionKey, AlarmSeverity severity, DateTimeOffset atUtc, CancellationToken cancellationToken)
    {
        var topic = message.Topic;
        var text = detail.Zone is { } zone
            ? string.Create(CultureInfo.InvariantCulture, $"node: {detail.Channel} {Describe(detail.Value)} in ISO 10816-3 zone {zone} (was {detail.PreviousZone}), boundary {Describe(detail.Threshold)}")
            : string.Create(CultureInfo.InvariantCulture, $"node: {detail.Source} {detail.Channel} on {detail.Axis} at {Describe(detail.Value)} reached {detail.Severity} level {Describe(detail.Threshold)}");
        var raised = await _alarms.RaiseAsync(
            new AlarmRaise(topic.Tenant, topic.Site, topic.Asset, topic.Node, AlarmOrigin.Node, conditionKey, severity, text, detail.Value, detail.Threshold, atUtc),
            cancellationToken).ConfigureAwait(false);
        CloudAlarmLog.Raised(_logger, raised.AlarmId, topic.Tenant, topic.Asset, topic.Node, conditionKey, raised.Severity, raised.Message);
    }

    private async Task ApplyZoneAsync(DecodedNodeMessage message, TelemetryWire telemetry, CancellationToken cancellationToken)
    {
        var topic = message.Topic;
        var node = new NodeKey(topic.Tenant, topic.Node);
        var messageTime = telemetry.TimestampUnixMilliseconds;
        var known = _lastZoneByNode.TryGetValue(node, out var last);
        if (known && (messageTime < last.MessageTimeUnixMilliseconds || string.Equals(last.Zone, telemetry.Zone, StringComparison.Ordinal)))
        {
            // Late or historical telemetry does not rewrite the present; an unchanged zone changes nothing.
            if (messageTime >= last.MessageTimeUnixMilliseconds)
            {
                _lastZoneByNode[node] = last with { MessageTimeUnixMilliseconds = messageTime };
            }

            return;
        }

        _lastZoneByNode[node] = new ZoneReading(telemetry.Zone, messageTime);
        var previous = known ? last.Zone : "unknown";
        var atUtc = DateTimeOffset.FromUnixTimeMilliseconds(messageTime);
        var velocity = telemetry.VelocityRmsMaxMmPerSecond;
        switch (telemetry.Zone)
        {
            case "C":
            case "D":
                {
                    // ISO 10816-3: zone C is "unsatisfactory for long-term operation", zone D "severe enough to cause damage".
                    var severity = telemetry.Zone == "D" ? AlarmSeverity.Alarm : AlarmSeverity.Warning;
                    var text = string.Create(CultureInfo.InvariantCulture, $"velocity RMS {Describe(velocity)} mm/s is in ISO 10816-3 zone {telemetry.Zone} (was {previous})");
                    var raised = await _alarms.RaiseAsync(
                        new AlarmRaise(topic.Tenant, topic.Site, topic.Asset, topic.Node, AlarmOrigin.Cloud, CloudAlarmConditions.Zone, severity, text, velocity, null, atUtc),
                        cancellationToken).ConfigureAwait(false);
                    CloudAlarmLog.Raised(_logger, raised.AlarmId, topic.Tenant, topic.Asset, topic.Node, CloudAlarmConditions.Zone, raised.Severity, raised.Message);
                    break;
                }

            default:
                {
                    var reason = string.Create(CultureInfo.InvariantCulture, $"velocity RMS {Describe(velocity)} mm/s back in zone {telemetry.Zone} (was {previous})");
                    var cleared = await _alarms.ClearAsync(topic.Tenant, topic.Asset, topic.Node, CloudAlarmConditions.Zone, atUtc, reason, cancellationToken).ConfigureAwait(false);
                    if (cleared is not null)
                    {
                        CloudAlarmLog.Cleared(_logger, cleared.AlarmId, topic.Tenant, topic.Asset, topic.Node, CloudAlarmConditions.Zone, reason);
                    }

                    break;
                }
        }
    }

    private static string Describe(double? value) => value is { } number ? number.ToString("0.###", CultureInfo.InvariantCulture) : "n/a";

    private readonly record struct NodeKey(string TenantId, string NodeId);

    private readonly record struct NodeAlarmKey(string TenantId, string AssetId, string NodeId, string ConditionKey);

    private readonly record struct ZoneReading(string Zone, long MessageTimeUnixMilliseconds);

    private readonly record struct OfflineNode(string AssetId, DateTimeOffset RaisedAtUtc);
}
