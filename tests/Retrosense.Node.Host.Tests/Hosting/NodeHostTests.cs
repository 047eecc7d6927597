using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Retrosense.Node.Host.Hosting;

namespace Retrosense.Node.Host.Tests.Hosting;

public sealed class NodeHostTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "retrosense-nodehost-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Emulated_Node_Samples_Through_The_Real_Drivers_In_Real_Time_And_Queues_While_The_Broker_Is_Away()
    {
        var options = NodeCommandLine.Parse(
        [
            "--broker", "mqtt://127.0.0.1:" + ClosedPort(), "--tenant", "acme", "--site", "plant1", "--asset", "pump7",
            "--node", "n1", "--emulate", "model", "--data-dir", _dataDirectory,
        ]);
        using var host = NodeHost.Create(options, new ConsoleNodeLog("n1", TextWriter.Null));

        host.Runner.Start();
        var stopwatch = Stopwatch.StartNew();

        // One 4096-sample window at 3,200 Hz takes 1.28 s of real time to fill through the emulated ADXL345's FIFO; the upper
        // bound only allows for a loaded machine.
        while (host.Runner.Node.WindowCount == 0 && stopwatch.Elapsed < TimeSpan.FromSeconds(10))
        {
            host.Runner.PollOnce();
            Thread.Sleep(NodeRunner.DefaultPollInterval);
        }

        Assert.Equal(1, host.Runner.Node.WindowCount);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(1.2), TimeSpan.FromSeconds(8));
        Assert.True(host.Runner.Node.QueueDepth >= 1, "the first window's telemetry should wait in the store-and-forward queue");
        Assert.True(File.Exists(Path.Combine(_dataDirectory, "boot.bin")));
        Assert.Contains("emulated ADXL345 and BME280", host.SensorDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void Node_Core_Refuses_An_Identity_That_Cannot_Be_A_Topic_Segment()
    {
        var options = NodeCommandLine.Parse(
        [
            "--broker", "mqtt://127.0.0.1:1883", "--tenant", "acme", "--site", "plant 1", "--asset", "pump7",
            "--node", "n1", "--emulate", "model", "--time-scale", "10", "--data-dir", _dataDirectory,
        ]);

        Assert.ThrowsAny<ArgumentException>(() => NodeHost.Create(options, new ConsoleNodeLog("n1", TextWriter.Null)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
