using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Retrosense.Node.Core.Tests.StoreAndForward;
using Retrosense.Node.Runtime;

namespace Retrosense.Node.Core.Tests.Runtime;

/// <summary>A <see cref="SensorNode"/> on test ports, driven window by window on a manual clock.</summary>
public sealed class SensorNodeHarness
{
    public const string Tenant = "acme";
    public const string Site = "plant-1";
    public const string Asset = "press-3";
    public const string NodeId = "n-001";

    public SensorNodeHarness(InMemoryPersistentStore? store = null, int queueCapacity = 64)
    {
        Store = store ?? new InMemoryPersistentStore();
        Node = new SensorNode(
            new NodeIdentity(Tenant, Site, Asset, NodeId, "esp32", "0.1.0"),
            Clock, Accelerometer, Environment, Transport, Store, Log, new FixedDiagnostics(), queueCapacity, 1536);
    }

    public ManualClock Clock { get; } = new();

    public ScriptedAccelerometer Accelerometer { get; } = new();

    public FixedEnvironmentSensor Environment { get; } = new();

    public FakeMessageTransport Transport { get; } = new() { IsConnected = true };

    public InMemoryPersistentStore Store { get; }

    public RecordingNodeLog Log { get; } = new();

    public SensorNode Node { get; }

    public static string TopicOf(string kind) => $"retrosense/v1/{Tenant}/{Site}/{Asset}/{NodeId}/{kind}";

    public void StartAndConnect()
    {
        Node.Start();
        Node.OnConnected();
        Node.Poll();
    }

    /// <summary>Lets one window's worth of time pass, with its samples in the FIFO, and polls.</summary>
    public void RunWindows(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var windowMilliseconds = (long)(1000.0 * Node.Config.WindowSamples / Node.Config.SampleRateHz);
            Clock.Advance(windowMilliseconds);
            Accelerometer.Produce(Node.Config.WindowSamples);
            Node.Poll();
        }
    }

    public void SendConfig(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Node.OnConfigMessage(bytes, bytes.Length);
        Node.Poll();
    }

    /// <summary>Acknowledged messages of one kind, parsed.</summary>
    public List<JsonElement> Messages(string kind) =>
        Transport.Acknowledged.Where(m => m.Topic == TopicOf(kind)).Select(m => JsonDocument.Parse(m.Payload).RootElement.Clone()).ToList();

    /// <summary>Every acknowledged node message, parsed, in the order the broker got them.</summary>
    public List<JsonElement> AllMessages() =>
        Transport.Acknowledged.Select(m => JsonDocument.Parse(m.Payload).RootElement.Clone()).ToList();
}
