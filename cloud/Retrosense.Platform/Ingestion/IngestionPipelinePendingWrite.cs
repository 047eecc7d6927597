using System;
using System.Threading.Tasks;

namespace Retrosense.Platform.Ingestion;

public sealed partial class IngestionPipeline
{
    /// <summary>One queued write: a decoded message to store, or a rejected one to quarantine; completed after its commit.</summary>
    private sealed class PendingWrite
    {
        private PendingWrite(DecodedNodeMessage? message, string? topic, ReadOnlyMemory<byte> payload, RejectReason? reason, DateTimeOffset receivedAtUtc)
        {
            Message = message;
            Topic = topic;
            Payload = payload;
            Reason = reason;
            ReceivedAtUtc = receivedAtUtc;
        }

        public DecodedNodeMessage? Message { get; }

        public string? Topic { get; }

        public ReadOnlyMemory<byte> Payload { get; }

        public RejectReason? Reason { get; }

        public DateTimeOffset ReceivedAtUtc { get; }

        // Continuations run on the thread pool, never inline on the writer loop, so a slow caller cannot hold up the next batch.
        public TaskCompletionSource<IngestionPipelineOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static PendingWrite ForStore(DecodedNodeMessage message, DateTimeOffset receivedAtUtc) => new(message, null, default, null, receivedAtUtc);

        public static PendingWrite ForQuarantine(string topic, ReadOnlyMemory<byte> payload, RejectReason reason, DateTimeOffset receivedAtUtc) =>
            new(null, topic, payload, reason, receivedAtUtc);
    }
}
