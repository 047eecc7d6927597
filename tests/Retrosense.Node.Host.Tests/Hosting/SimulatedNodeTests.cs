using System;
using System.Collections.Generic;
using System.Text;
using Retrosense.Node.Host.Hosting;
using Retrosense.Node.Host.Simulation;
using Retrosense.Node.Host.Storage;
using Retrosense.Node.Ports;
using Retrosense.Node.Runtime;

namespace Retrosense.Node.Host.Tests.Hosting;

/// <summary>The node core running on the host's simulated sensors, clock and store, with a transport that records what it is given.</summary>
public sealed class SimulatedNodeTests
{
    [Fact]
    public void Simulated_Node_Publishes_Birth_Then_Telemetry_From_The_Machine_Model()
    {
        var clock = new SimulatedClock(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero), 0);
        var model = new MachineModel(new MachineModelSettings { Seed = 2 });
        var transport = new RecordingTransport();
        var node = new SensorNode(
            new NodeIdentity("acme", "plant1", "pump7", "n1", "emulated", NodeHost.FirmwareVersion),
            clock, new SimulatedAccelerometer(model, clock), new SimulatedEnvironmentSensor(model, clock), transport,
            new InMemoryPersistentStore(), new ConsoleNodeLog("n1", System.IO.TextWriter.Null), new ProcessDiagnostics());

        node.Start();
        node.OnConnected();
        for (var step = 0; step < 30; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            node.Poll();
        }

        Assert.Equal("retrosense/v1/acme/plant1/pump7/n1/birth", transport.Topics[0]);
        var telemetry = transport.Topics.IndexOf("retrosense/v1/acme/plant1/pump7/n1/telemetry");
        Assert.True(telemetry > 0, "no telemetry after 3 s of simulated time: " + string.Join(", ", transport.Topics));
        var payload = transport.Payloads[telemetry];
        Assert.Contains("\"zone\":\"B\"", payload, StringComparison.Ordinal);
        Assert.Equal(2, node.WindowCount);
    }

    private sealed class RecordingTransport : IMessageTransport
    {
        public List<string> Topics { get; } = [];

        public List<string> Payloads { get; } = [];

        public bool IsConnected => true;

        public bool Publish(string topic, byte[] payload, int length)
        {
            Topics.Add(topic);
            Payloads.Add(Encoding.UTF8.GetString(payload, 0, length));
            return true;
        }
    }
}
