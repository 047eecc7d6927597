using System;
using System.Collections.Generic;
using System.Text;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Core.Tests.StoreAndForward;

/// <summary>An <see cref="IMessageTransport"/> for tests: a connected flag, "fail the next N publishes", and a record of what was acknowledged.</summary>
public sealed class FakeMessageTransport : IMessageTransport
{
    private int _failNext;

    public bool IsConnected { get; set; }

    /// <summary>False to keep the publish path free of allocations (for the allocation test).</summary>
    public bool RecordMessages { get; set; } = true;

    public int PublishAttempts { get; private set; }

    public int AcknowledgedCount { get; private set; }

    /// <summary>Acknowledged messages in order: topic and payload as UTF-8 text.</summary>
    public List<(string Topic, string Payload)> Acknowledged { get; } = new();

    public void FailNextPublishes(int count) => _failNext = count;

    public bool Publish(string topic, byte[] payload, int length)
    {
        PublishAttempts++;
        if (!IsConnected)
        {
            return false;
        }

        if (_failNext > 0)
        {
            _failNext--;
            return false;
        }

        AcknowledgedCount++;
        if (RecordMessages)
        {
            Acknowledged.Add((topic, Encoding.UTF8.GetString(payload, 0, length)));
        }

        return true;
    }
}
