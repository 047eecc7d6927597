using System;
using System.Collections.Concurrent;
using Retrosense.Node.Ports;

namespace Retrosense.Cli.Simulation;

/// <summary>A simulated node's flash: keys and bytes in memory, lost when the simulation ends (boot count starts at 1).</summary>
internal sealed class InMemoryPersistentStore : IPersistentStore
{
    private readonly ConcurrentDictionary<string, byte[]> _values = new(StringComparer.Ordinal);

    public bool TryRead(string key, byte[] buffer, out int length)
    {
        if (_values.TryGetValue(key, out var value) && value.Length <= buffer.Length)
        {
            value.CopyTo(buffer, 0);
            length = value.Length;
            return true;
        }

        length = 0;
        return false;
    }

    public bool Write(string key, byte[] buffer, int length)
    {
        _values[key] = buffer.AsSpan(0, length).ToArray();
        return true;
    }

    public void Delete(string key) => _values.TryRemove(key, out _);
}
