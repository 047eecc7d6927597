using Retrosense.Node.Ports;

namespace Retrosense.Node.StoreAndForward
{
    /// <summary>
    /// Fixed-capacity FIFO of encoded messages kept while the broker cannot be reached: <see cref="Capacity"/> slots of
    /// <see cref="SlotBytes"/> payload bytes each, allocated once (a RAM ring), optionally mirrored to an
    /// <see cref="IPersistentStore"/> so a node that resets comes back with the same queue.
    /// </summary>
    /// <remarks>
    /// <para>Full queue: the OLDEST message is dropped to make room (fresh data is worth more to condition monitoring than
    /// stale data) and counted in <see cref="DroppedCount"/>. A message longer than <see cref="SlotBytes"/> is rejected and
    /// counted in <see cref="OversizeCount"/>. A message leaves the queue only through <see cref="RemoveOldest"/>, which the
    /// caller calls after the transport acknowledged it, so a failed publish keeps it (at-least-once; the cloud
    /// deduplicates on node, boot and seq).</para>
    /// <para>Persistence layout under the key prefix P: slot i is stored under P + i as a record
    /// [serial, topic index, length, checksum, payload] (little-endian int32s, FNV-1a 32 checksum), and the header under
    /// P + "h" as [magic "RSQ1", capacity, slot bytes, head, count, first serial, dropped, oversize, checksum]. Every
    /// message gets a serial one higher than the last; the header's "first serial" is the serial of the oldest message,
    /// so the message at position k must carry first serial + k. That serial is the queue's generation mark: a slot
    /// left over from an earlier lap never carries the serial its position expects.</para>
    /// <para>Crash consistency (a reset can fall between any two store writes; the store replaces a key whole or not at all,
    /// and the record checksum catches a torn write that slipped through):</para>
    /// <list type="bullet">
    /// <item>Enqueue writes the slot first, then the header. A reset between the two leaves a valid header that does not
    /// count the new slot; <see cref="Restore"/> looks at the slot just past the last counted one and takes it back when it
    /// carries the next serial, so the message is not lost. When the queue was full, the new record replaced the oldest one
    /// on the store; restore sees the newest serial at the head position and finishes the drop the header did not record yet.
    /// Nothing already in the queue is lost either way, and order is kept.</item>
    /// <item>RemoveOldest rewrites only the header. A reset before that write replays the message once more: a duplicate,
    /// never a loss, which QoS 1 allows anyway.</item>
    /// <item>A slot that fails its check on restore (checksum, serial, length) ends the restored queue there: the messages
    /// from it on are counted as dropped, logged, and their keys deleted so a stale record can never be mistaken for a
    /// new one. Only flash damage gets here.</item>
    /// <item>A missing or corrupt header (bad magic or checksum), or one written for another capacity or slot size, starts
    /// an empty queue: the reason is logged, every slot key is deleted and a fresh header written, for the same reason.</item>
    /// </list>
    /// <para>A failed store write (flash full or worn) keeps the message in RAM and counts
    /// <see cref="PersistenceFailureCount"/>; it may then be lost on a reset.</para>
    /// </remarks>
    public sealed class StoreAndForwardQueue
    {
        /// <summary>Bytes in front of the payload in each slot: serial, topic index, length and checksum (four int32s).</summary>
        public const int SlotHeaderBytes = 16;

        /// <summary>Bytes of the persisted queue header.</summary>
        public const int QueueHeaderBytes = 36;

        /// <summary>
        /// Recommended payload bytes per slot: the golden telemetry message (shared/schemas/golden/telemetry.json, three axes,
        /// two bands, environment) is 1,169 bytes, so 1,536 leaves about 30 % for longer ids and full-precision numbers;
        /// each extra band adds about 40 bytes, and a config with many bands needs larger slots (oversize messages are counted).
        /// </summary>
        public const int RecommendedSlotBytes = 1536;

        /// <summary>
        /// Recommended slots on an ESP32-WROOM (about 80 KiB of managed heap, about 45 KiB of which the 4096-sample window
        /// and the feature extractor take):
        /// 8 × (1,536 + 16) + 36 = 12,452 bytes, about 40 minutes of heartbeat-only telemetry at the default 300 s.
        /// Nodes with more RAM (ESP32 with PSRAM, STM32H7, the host node) can take 16 or more.
        /// </summary>
        public const int RecommendedEsp32Capacity = 8;

        // "RSQ1" little-endian: Retrosense store-and-forward queue, format 1.
        private const int Magic = 0x31515352;

        private const int FnvOffsetBasis = unchecked((int)2166136261);
        private const int FnvPrime = 16777619;

        private readonly byte[][] _slots;
        private readonly byte[] _header = new byte[QueueHeaderBytes];
        private readonly IPersistentStore? _store;
        private readonly INodeLog? _log;
        private readonly string _keyPrefix;
        private readonly string _headerKey;
        private readonly string[] _slotKeys;
        private int _head;
        private int _firstSerial;

        /// <summary>A RAM-only queue.</summary>
        public StoreAndForwardQueue(int capacity, int slotBytes)
            : this(capacity, slotBytes, null, "sfq", null)
        {
        }

        /// <summary>A queue mirrored to <paramref name="store"/> under <paramref name="keyPrefix"/>; reloads what the store holds.</summary>
        public StoreAndForwardQueue(int capacity, int slotBytes, IPersistentStore? store, string keyPrefix, INodeLog? log)
        {
            if (capacity < 1)
            {
                throw new System.ArgumentOutOfRangeException("capacity");
            }

            if (slotBytes < 1)
            {
                throw new System.ArgumentOutOfRangeException("slotBytes");
            }

            Capacity = capacity;
            SlotBytes = slotBytes;
            _store = store;
            _log = log;
            _slots = new byte[capacity][];
            _slotKeys = new string[capacity];
            for (var i = 0; i < capacity; i++)
            {
                _slots[i] = new byte[SlotHeaderBytes + slotBytes];
                _slotKeys[i] = keyPrefix + i.ToString();
            }

            _keyPrefix = keyPrefix;
            _headerKey = keyPrefix + "h";
            Restore();
        }

        /// <summary>Maximum number of messages held.</summary>
        public int Capacity { get; }

        /// <summary>Largest payload a slot holds, in bytes.</summary>
        public int SlotBytes { get; }

        /// <summary>Messages waiting.</summary>
        public int Count { get; private set; }

        /// <summary>Messages dropped because the queue was full (oldest first) or lost on restore; never reset, for the status message.</summary>
        public int DroppedCount { get; private set; }

        /// <summary>Messages rejected because they were longer than <see cref="SlotBytes"/>.</summary>
        public int OversizeCount { get; private set; }

        /// <summary>Store writes that failed; the affected messages were kept in RAM only.</summary>
        public int PersistenceFailureCount { get; private set; }

        /// <summary>Bytes of the buffers allocated for the slots and the header (object headers not included).</summary>
        public int PreallocatedBytes { get { return Capacity * (SlotHeaderBytes + SlotBytes) + QueueHeaderBytes; } }

        /// <summary>Copies a message to the tail of the queue, dropping the oldest when full.</summary>
        /// <returns>False when the message is longer than <see cref="SlotBytes"/> (rejected and counted); true otherwise.</returns>
        public bool Enqueue(int topicIndex, byte[] payload, int length)
        {
            if (length < 0 || length > SlotBytes || length > payload.Length)
            {
                OversizeCount++;
                WriteHeader();
                return false;
            }

            if (Count == Capacity)
            {
                // Drop the oldest; its slot is the tail now and is overwritten below.
                _head = Next(_head);
                _firstSerial++;
                Count--;
                DroppedCount++;
            }

            var index = (_head + Count) % Capacity;
            var slot = _slots[index];
            WriteInt(slot, 0, _firstSerial + Count);
            WriteInt(slot, 4, topicIndex);
            WriteInt(slot, 8, length);
            System.Array.Copy(payload, 0, slot, SlotHeaderBytes, length);
            WriteInt(slot, 12, RecordChecksum(slot, length));
            Count++;

            // Slot first, header second: see the crash-consistency notes on the class.
            if (_store != null && !_store.Write(_slotKeys[index], slot, SlotHeaderBytes + length))
            {
                PersistenceFailureCount++;
            }

            WriteHeader();
            return true;
        }

        /// <summary>Copies the oldest message into <paramref name="buffer"/> without removing it.</summary>
        /// <returns>False when the queue is empty.</returns>
        public bool TryPeek(byte[] buffer, out int topicIndex, out int length)
        {
            if (Count == 0)
            {
                topicIndex = 0;
                length = 0;
                return false;
            }

            var slot = _slots[_head];
            topicIndex = ReadInt(slot, 4);
            length = ReadInt(slot, 8);
            if (buffer.Length < length)
            {
                throw new System.ArgumentException("buffer is smaller than the message", "buffer");
            }

            System.Array.Copy(slot, SlotHeaderBytes, buffer, 0, length);
            return true;
        }

        /// <summary>Removes the oldest message; call it only after the transport acknowledged that message.</summary>
        public void RemoveOldest()
        {
            if (Count == 0)
            {
                return;
            }

            _head = Next(_head);
            _firstSerial++;
            Count--;
            WriteHeader();
        }

        /// <summary>
        /// Reloads the queue from the store (the constructor already did). Without a store, or with a missing or corrupt
        /// header, the queue starts empty (so on a RAM-only queue this empties it).
        /// </summary>
        /// <returns>True when a saved queue was found and loaded (possibly empty), false when the queue started fresh.</returns>
        public bool Restore()
        {
            _head = 0;
            _firstSerial = 0;
            Count = 0;
            DroppedCount = 0;
            OversizeCount = 0;
            if (_store == null)
            {
                return false;
            }

            int headerLength;
            if (!_store.TryRead(_headerKey, _header, out headerLength))
            {
                StartFresh(Capacity, "no saved store-and-forward queue (header missing or unreadable); starting empty");
                return false;
            }

            if (headerLength != QueueHeaderBytes || ReadInt(_header, 0) != Magic
                || ReadInt(_header, QueueHeaderBytes - 4) != Fnv(_header, 0, QueueHeaderBytes - 4, FnvOffsetBasis))
            {
                StartFresh(Capacity, "store-and-forward queue header is corrupt (bad length, magic or checksum); starting empty");
                return false;
            }

            var savedCapacity = ReadInt(_header, 4);
            var savedSlotBytes = ReadInt(_header, 8);
            if (savedCapacity != Capacity || savedSlotBytes != SlotBytes)
            {
                StartFresh(savedCapacity > Capacity && savedCapacity <= 4096 ? savedCapacity : Capacity,
                    "store-and-forward queue was saved as " + savedCapacity.ToString() + " slots of " + savedSlotBytes.ToString()
                    + " bytes, now " + Capacity.ToString() + " of " + SlotBytes.ToString() + "; starting empty");
                return false;
            }

            var head = ReadInt(_header, 12);
            var count = ReadInt(_header, 16);
            if (head < 0 || head >= Capacity || count < 0 || count > Capacity)
            {
                StartFresh(Capacity, "store-and-forward queue header is out of range; starting empty");
                return false;
            }

            _head = head;
            _firstSerial = ReadInt(_header, 20);
            DroppedCount = ReadInt(_header, 24);
            OversizeCount = ReadInt(_header, 28);
            var changed = false;

            // A full-queue enqueue whose header write was lost: the newest record sits where the oldest was.
            if (count == Capacity && ReadSlot(_head, _firstSerial + Capacity))
            {
                _head = Next(_head);
                _firstSerial++;
                DroppedCount++;
                changed = true;
            }

            var kept = 0;
            while (kept < count && ReadSlot((_head + kept) % Capacity, _firstSerial + kept))
            {
                kept++;
            }

            if (kept < count)
            {
                for (var k = kept; k < count; k++)
                {
                    _store.Delete(_slotKeys[(_head + k) % Capacity]);
                }

                DroppedCount += count - kept;
                changed = true;
                Warn("store-and-forward queue: " + (count - kept).ToString() + " saved message(s) failed their check and were dropped");
            }
            else if (count < Capacity && ReadSlot((_head + count) % Capacity, _firstSerial + count))
            {
                // An enqueue whose header write was lost: the slot is complete, so take it back.
                kept++;
                changed = true;
            }

            Count = kept;
            if (changed)
            {
                WriteHeader();
            }

            if (_log != null)
            {
                _log.Info("store-and-forward queue restored with " + Count.ToString() + " message(s)");
            }

            return true;
        }

        private bool ReadSlot(int index, int expectedSerial)
        {
            var slot = _slots[index];
            int stored;
            if (!_store!.TryRead(_slotKeys[index], slot, out stored) || stored < SlotHeaderBytes)
            {
                return false;
            }

            var length = ReadInt(slot, 8);
            return ReadInt(slot, 0) == expectedSerial
                && length >= 0
                && length <= SlotBytes
                && stored == SlotHeaderBytes + length
                && ReadInt(slot, 4) >= 0
                && ReadInt(slot, 12) == RecordChecksum(slot, length);
        }

        private void StartFresh(int slotKeysToDelete, string reason)
        {
            Warn(reason);

            // Old records must not be taken for new ones later (see the class remarks).
            for (var i = 0; i < slotKeysToDelete; i++)
            {
                _store!.Delete(i < Capacity ? _slotKeys[i] : _keyPrefix + i.ToString());
            }

            WriteHeader();
        }

        private void WriteHeader()
        {
            if (_store == null)
            {
                return;
            }

            WriteInt(_header, 0, Magic);
            WriteInt(_header, 4, Capacity);
            WriteInt(_header, 8, SlotBytes);
            WriteInt(_header, 12, _head);
            WriteInt(_header, 16, Count);
            WriteInt(_header, 20, _firstSerial);
            WriteInt(_header, 24, DroppedCount);
            WriteInt(_header, 28, OversizeCount);
            WriteInt(_header, QueueHeaderBytes - 4, Fnv(_header, 0, QueueHeaderBytes - 4, FnvOffsetBasis));
            if (!_store.Write(_headerKey, _header, QueueHeaderBytes))
            {
                PersistenceFailureCount++;
            }
        }

        private void Warn(string message)
        {
            if (_log != null)
            {
                _log.Warning(message);
            }
        }

        private int Next(int index)
        {
            return index + 1 == Capacity ? 0 : index + 1;
        }

        private static int RecordChecksum(byte[] slot, int length)
        {
            var hash = Fnv(slot, 0, 12, FnvOffsetBasis);
            return Fnv(slot, SlotHeaderBytes, length, hash);
        }

        // FNV-1a, 32 bits (Fowler, Noll, Vo; IETF draft-eastlake-fnv): cheap, no table, catches torn and flipped bytes.
        private static int Fnv(byte[] data, int offset, int count, int hash)
        {
            var end = offset + count;
            for (var i = offset; i < end; i++)
            {
                hash = unchecked((hash ^ data[i]) * FnvPrime);
            }

            return hash;
        }

        private static void WriteInt(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        private static int ReadInt(byte[] buffer, int offset)
        {
            return buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16) | (buffer[offset + 3] << 24);
        }
    }
}
