using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Retrosense.Node.Host.Transport;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Host.Tests.Transport;

/// <summary>The transport without a broker (broker tests live in Integration/ and start Mosquitto).</summary>
public sealed class MqttNodeTransportTests
{
    [Fact]
    public void Without_A_Broker_Publish_Fails_At_Once_And_The_Loop_Keeps_Retrying_With_Backoff()
    {
        var log = new CollectingLog();
        var options = new MqttNodeTransportOptions(new Uri("mqtt://127.0.0.1:" + ClosedPort()), "n1") { ConnectTimeout = TimeSpan.FromSeconds(2) };
        using var transport = new MqttNodeTransport(options, log, new ReconnectBackoff(new Random(1), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400)));
        transport.SetLastWill("retrosense/v1/t/s/a/n1/death", buffer => { buffer[0] = (byte)'{'; buffer[1] = (byte)'}'; return 2; });

        transport.Start();
        var stopwatch = Stopwatch.StartNew();
        var published = transport.Publish("retrosense/v1/t/s/a/n1/telemetry", [1, 2, 3], 3);
        var publishMilliseconds = stopwatch.ElapsedMilliseconds;
        var connected = transport.WaitUntilConnected(TimeSpan.FromSeconds(1.5));

        Assert.False(published);
        Assert.True(publishMilliseconds < 100, $"Publish took {publishMilliseconds} ms while disconnected");
        Assert.False(connected);
        Assert.False(transport.IsConnected);
        Assert.Equal(0, transport.ConnectionCount);
        Assert.True(log.Warnings.Count(w => w.Contains("cannot connect", StringComparison.Ordinal)) >= 2, string.Join(" | ", log.Warnings));
    }

    [Fact]
    public void Dispose_Stops_The_Connection_Loop_Promptly()
    {
        var options = new MqttNodeTransportOptions(new Uri("mqtt://127.0.0.1:" + ClosedPort()), "n2");
        var transport = new MqttNodeTransport(options, new CollectingLog());
        transport.Start();
        Thread.Sleep(200);

        var stopwatch = Stopwatch.StartNew();
        transport.Dispose();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"Dispose took {stopwatch.Elapsed}");
        Assert.False(transport.Publish("t", [1], 1));
    }

    [Theory]
    [InlineData("mqtt://broker.local", 1883, false)]
    [InlineData("mqtts://broker.local", 8883, true)]
    [InlineData("mqtts://broker.local:9883", 9883, true)]
    public void Broker_Url_Gives_Host_Port_And_Tls(string url, int port, bool tls)
    {
        var options = new MqttNodeTransportOptions(new Uri(url), "n1");

        Assert.Equal("broker.local", options.Host);
        Assert.Equal(port, options.Port);
        Assert.Equal(tls, options.UseTls);
    }

    [Fact]
    public void Other_Schemes_Are_Refused()
    {
        Assert.Throws<ArgumentException>(() => new MqttNodeTransportOptions(new Uri("http://broker.local"), "n1"));
    }

    [Fact]
    public void Client_Id_Is_Tenant_Colon_Node_Like_The_Certificate_Common_Name()
    {
        Assert.Equal("acme-foods:press-3-de", MqttNodeTransportOptions.ClientIdFor("acme-foods", "press-3-de"));
    }

    [Fact]
    public void The_Same_Node_Id_In_Two_Tenants_Gets_Two_Client_Ids_So_Neither_Takes_Over_The_Others_Session()
    {
        Assert.NotEqual(MqttNodeTransportOptions.ClientIdFor("acme-foods", "n1"), MqttNodeTransportOptions.ClientIdFor("beta-mills", "n1"));
    }

    // A port nothing listens on: bind, read the port, close.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class CollectingLog : INodeLog
    {
        public ConcurrentQueue<string> Warnings { get; } = new();

        public void Info(string message)
        {
        }

        public void Warning(string message) => Warnings.Enqueue(message);

        public void Error(string message) => Warnings.Enqueue(message);
    }
}
