namespace Retrosense.Node.Ports
{
    /// <summary>The MQTT connection as the core sees it (M2Mqtt on nanoFramework, MQTTnet on .NET).</summary>
    public interface IMessageTransport
    {
        /// <summary>True while the broker connection is up.</summary>
        bool IsConnected { get; }

        /// <summary>Publishes the first <paramref name="length"/> bytes of <paramref name="payload"/> with QoS 1.</summary>
        /// <returns>True when the broker acknowledged the message (PUBACK); false when it was not delivered and must be kept.</returns>
        bool Publish(string topic, byte[] payload, int length);
    }
}
