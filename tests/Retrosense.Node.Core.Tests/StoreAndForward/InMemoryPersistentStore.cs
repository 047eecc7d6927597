using System;
using System.Collections.Generic;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Core.Tests.StoreAndForward;

/// <summary>
/// <see cref="IPersistentStore"/> in a dictionary, for tests. It outlives the queue that writes to it, so creating a new
/// queue on the same store simulates a reset. <see cref="CutPowerAfterWrites"/> simulates a reset in the middle of an
/// operation: after that many more writes, every further write is silently lost (the device is dead, nothing reaches flash).
/// Writes reuse a key's buffer when it is large enough, so steady-state use allocates nothing.
/// </summary>
public sealed class InMemoryPersistentStore : IPersistentStore
{
    private readonly Dictionary<string, byte[]> _buffers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lengths = new(StringComparer.Ordinal);
    private int _writesUntilPowerCut = -1;

    public int WriteCount { get; private set; }

    public int KeyCount => _lengths.Count;

    /// <summary>After <paramref name="writes"/> more successful writes, further writes are lost.</summary>
    public void CutPowerAfterWrites(int writes) => _writesUntilPowerCut = writes;

    /// <summary>Power is back: writes reach the store again.</summary>
    public void RestorePower() => _writesUntilPowerCut = -1;

    public bool Contains(string key) => _lengths.ContainsKey(key);

    /// <summary>Flips one bit of a stored value, as flash damage would.</summary>
    public void CorruptByte(string key, int offset) => _buffers[key][offset] ^= 0x40;

    public bool TryRead(string key, byte[] buffer, out int length)
    {
        length = 0;
        if (!_lengths.TryGetValue(key, out var stored) || stored > buffer.Length)
        {
            return false;
        }

        Array.Copy(_buffers[key], buffer, stored);
        length = stored;
        return true;
    }

    public bool Write(string key, byte[] buffer, int length)
    {
        if (_writesUntilPowerCut == 0)
        {
            return true;
        }

        if (_writesUntilPowerCut > 0)
        {
            _writesUntilPowerCut--;
        }

        if (!_buffers.TryGetValue(key, out var target) || target.Length < length)
        {
            target = new byte[length];
            _buffers[key] = target;
        }

        Array.Copy(buffer, target, length);
        _lengths[key] = length;
        WriteCount++;
        return true;
    }

    public void Delete(string key)
    {
        _buffers.Remove(key);
        _lengths.Remove(key);
    }
}
