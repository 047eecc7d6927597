using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Ingestion.Wire;

namespace Retrosense.Server.Scoring;

/// <summary>
/// Ingestion's observer for live scoring: passes each newly stored telemetry window to <see cref="TelemetryScoringQueue"/>
/// and returns at once. Observers run after commit on ingestion's own loop, but a slow observer still holds that loop
/// (and the alarm monitor behind it), so nothing here touches the store or scores.
/// </summary>
public sealed class TelemetryScoringObserver : IIngestedMessageObserver
{
    private readonly TelemetryScoringQueue _queue;

    public TelemetryScoringObserver(TelemetryScoringQueue queue)
    {
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
    }

    public Task OnCommittedAsync(IReadOnlyList<DecodedNodeMessage> newlyStoredMessages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newlyStoredMessages);
        foreach (var message in newlyStoredMessages)
        {
            if (message.Message is TelemetryWire telemetry)
            {
                var topic = message.Topic;
                _queue.Enqueue(new ScoredAsset(topic.Tenant, topic.Site, topic.Asset), new ScoringWindow(topic.Node, telemetry));
            }
        }

        return Task.CompletedTask;
    }
}
