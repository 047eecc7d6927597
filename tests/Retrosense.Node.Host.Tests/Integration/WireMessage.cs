using System.Text.Json;

namespace Retrosense.Node.Host.Tests.Integration;

/// <summary>The header fields of a node message a subscriber received (shared/schemas/header.schema.json).</summary>
internal sealed record WireMessage(string Topic, string Kind, string Node, int Boot, long Seq, bool Historical, int ArrivalIndex, string Json)
{
    public static WireMessage Parse(ReceivedMqttMessage message)
    {
        using var document = JsonDocument.Parse(message.Payload);
        var root = document.RootElement;
        return new WireMessage(
            message.Topic,
            root.GetProperty("kind").GetString()!,
            root.GetProperty("node").GetString()!,
            root.GetProperty("boot").GetInt32(),
            root.GetProperty("seq").GetInt64(),
            root.GetProperty("historical").GetBoolean(),
            message.ArrivalIndex,
            message.PayloadText);
    }

    /// <summary>A top-level field of the message, for kind-specific checks.</summary>
    public JsonElement Field(string name)
    {
        using var document = JsonDocument.Parse(Json);
        return document.RootElement.GetProperty(name).Clone();
    }
}
