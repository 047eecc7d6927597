using Retrosense.Node.Ports;

namespace Retrosense.Node.StoreAndForward
{
    /// <summary>
    /// Sends messages through an <see cref="IMessageTransport"/> in order, keeping in a <see cref="StoreAndForwardQueue"/>
    /// whatever cannot be delivered now and replaying it, oldest first, once the broker is back.
    /// </summary>
    /// <remarks>
    /// <para>The <c>historical</c> flag. Every message that goes through the queue is a replay and must carry
    /// <c>"historical":true</c>; one that goes straight out must not. The JSON is written by the wire encoder, which this
    /// class does not know, so the caller encodes twice when it has to, and this is the whole protocol:</para>
    /// <code>
    /// length = encode(message, historical: false, buffer);
    /// if (!publisher.TryPublishDirect(kind, buffer, length))
    /// {
    ///     length = encode(message, historical: true, buffer);   // same seq, same timestamp
    ///     publisher.Enqueue(kind, buffer, length);
    /// }
    /// </code>
    /// <para>Re-encoding is cheap next to the feature extraction, needs no JSON patching on the node, and keeps the encoder
    /// the only code that writes JSON. The second encoding must keep the message's seq: when a direct publish fails after
    /// the broker did get it (the PUBACK was lost), the replay is a duplicate that the cloud drops on (node, boot, seq).</para>
    /// <para>Order: a new message goes straight out only when the queue is empty and the transport is connected;
    /// <see cref="TryPublishDirect"/> drains the queue first, so a new message never overtakes an older one.
    /// Topics are given per message as an index into the topic table passed in (for example one topic per message kind),
    /// so the queue stores an int rather than a string.</para>
    /// </remarks>
    public sealed class StoreAndForwardPublisher
    {
        private readonly StoreAndForwardQueue _queue;
        private readonly IMessageTransport _transport;
        private readonly string[] _topics;
        private readonly byte[] _replayBuffer;

        public StoreAndForwardPublisher(StoreAndForwardQueue queue, IMessageTransport transport, string[] topics)
        {
            _queue = queue;
            _transport = transport;
            _topics = topics;
            _replayBuffer = new byte[queue.SlotBytes];
        }

        public StoreAndForwardQueue Queue { get { return _queue; } }

        /// <summary>Messages published straight or from the queue and acknowledged, since creation.</summary>
        public int PublishedCount { get; private set; }

        /// <summary>Publish attempts the transport did not acknowledge, since creation.</summary>
        public int FailedPublishCount { get; private set; }

        /// <summary>
        /// Queued messages thrown away because their topic index is not in the topic table (a queue restored after the
        /// table changed); kept, they would block the queue for good.
        /// </summary>
        public int UndeliverableCount { get; private set; }

        /// <summary>
        /// Publishes a freshly encoded (non-historical) message now if that keeps the order: the transport is connected and,
        /// after draining, the queue is empty.
        /// </summary>
        /// <returns>True when the broker acknowledged it; false when the caller must re-encode it as historical and <see cref="Enqueue"/> it.</returns>
        public bool TryPublishDirect(int topicIndex, byte[] payload, int length)
        {
            if (!_transport.IsConnected)
            {
                return false;
            }

            Drain();
            if (_queue.Count > 0 || !_transport.IsConnected)
            {
                return false;
            }

            return Publish(topicIndex, payload, length);
        }

        /// <summary>Queues a message encoded as historical behind the others.</summary>
        /// <returns>False when it is longer than the queue's slots (rejected and counted by the queue).</returns>
        public bool Enqueue(int topicIndex, byte[] payload, int length)
        {
            return _queue.Enqueue(topicIndex, payload, length);
        }

        /// <summary>While connected, publishes queued messages oldest first, removing each once acknowledged; stops at the first failure.</summary>
        /// <returns>How many messages were delivered.</returns>
        public int Drain()
        {
            var delivered = 0;
            int topicIndex;
            int length;
            while (_transport.IsConnected && _queue.TryPeek(_replayBuffer, out topicIndex, out length))
            {
                if (topicIndex < 0 || topicIndex >= _topics.Length)
                {
                    _queue.RemoveOldest();
                    UndeliverableCount++;
                    continue;
                }

                if (!Publish(topicIndex, _replayBuffer, length))
                {
                    break;
                }

                _queue.RemoveOldest();
                delivered++;
            }

            return delivered;
        }

        private bool Publish(int topicIndex, byte[] payload, int length)
        {
            if (_transport.Publish(_topics[topicIndex], payload, length))
            {
                PublishedCount++;
                return true;
            }

            FailedPublishCount++;
            return false;
        }
    }
}
