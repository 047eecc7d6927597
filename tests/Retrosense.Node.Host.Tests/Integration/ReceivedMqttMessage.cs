using System.Text;

namespace Retrosense.Node.Host.Tests.Integration;

/// <summary>One application message a test subscriber received, in arrival order.</summary>
internal sealed record ReceivedMqttMessage(string Topic, byte[] Payload, bool Retain, int ArrivalIndex)
{
    public string PayloadText => Encoding.UTF8.GetString(Payload);

    /// <summary>The last topic level: the message kind (birth, telemetry, status, death, config-ack, …).</summary>
    public string Kind => Topic[(Topic.LastIndexOf('/') + 1)..];
}
