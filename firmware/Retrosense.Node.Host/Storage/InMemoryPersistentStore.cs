using System;
using System.Collections.Concurrent;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Host.Storage;

/// <summary>
/// A store that lives as long as the process: for simulated fleets (1,000 nodes need not write 1,000 directories) and
/// tests. Values are copied in and out. Thread-safe.
/// </summary>
public sealed class InMemoryPersistentStore : IPersistentStore
{
    private readonly ConcurrentDictionary<string, byte[]> _values = new(StringComparer.Ordinal);

    public int Count => _values.Count;

    public bool TryRead(string key, byte[] buffer, out int length)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        length = 0;
        if (!_values.TryGetValue(key, out var value) || value.Length > buffer.Length)
        {
            return false;
        }

        value.CopyTo(buffer, 0);
        length = value.Length;
        return true;
    }

    public bool Write(string key, byte[] buffer, int length)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        _values[key] = buffer.AsSpan(0, length).ToArray();
        return true;
    }

    public void Delete(string key) => _values.TryRemove(key, out _);
}
