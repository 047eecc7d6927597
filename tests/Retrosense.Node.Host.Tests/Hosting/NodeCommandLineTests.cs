using System;
using System.IO;
using Retrosense.Node.Host.Hosting;

namespace Retrosense.Node.Host.Tests.Hosting;

public sealed class NodeCommandLineTests
{
    private static readonly string[] Minimal = ["--broker", "mqtt://localhost:1883", "--tenant", "acme", "--site", "plant1", "--asset", "pump7", "--node", "n1"];

    [Fact]
    public void Minimal_Command_Line_Runs_Real_Sensors_With_Defaults()
    {
        var options = NodeCommandLine.Parse(Minimal);

        Assert.Equal(new Uri("mqtt://localhost:1883"), options.BrokerUri);
        Assert.Equal("n1", options.NodeId);
        Assert.Equal(SensorEmulation.None, options.Emulation);
        Assert.Equal(1, options.I2cBus);
        Assert.Equal(0x76, options.Bme280Address);
        Assert.Equal(Path.Combine("data", "node-n1"), options.DataDirectory);
        Assert.Equal(1, options.TimeScale);
    }

    [Fact]
    public void Emulation_Flags_Are_Read_In_Either_Spelling()
    {
        var options = NodeCommandLine.Parse([.. Minimal, "--emulate=model", "--seed", "42", "--time-scale=60", "--bme280-address", "0x77", "--quiet"]);

        Assert.Equal(SensorEmulation.Model, options.Emulation);
        Assert.Equal(42, options.Seed);
        Assert.Equal(60, options.TimeScale);
        Assert.Equal(0x77, options.Bme280Address);
        Assert.True(options.Quiet);
    }

    [Fact]
    public void Replay_Names_An_Existing_Recording()
    {
        var path = Path.GetTempFileName();
        try
        {
            var options = NodeCommandLine.Parse([.. Minimal, "--emulate", "replay:" + path, "--replay-rate", "48000"]);

            Assert.Equal(SensorEmulation.Replay, options.Emulation);
            Assert.Equal(path, options.ReplayPath);
            Assert.Equal(48000, options.ReplayRateHz);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--broker is required", "--tenant", "acme", "--site", "s", "--asset", "a", "--node", "n")]
    [InlineData("--broker must be mqtt://HOST[:PORT] or mqtts://HOST[:PORT], got 'http://x'", "--broker", "http://x", "--tenant", "acme", "--site", "s", "--asset", "a", "--node", "n")]
    [InlineData("unknown flag --colour", "--colour", "red")]
    [InlineData("--node needs a value", "--broker", "mqtt://h", "--node")]
    [InlineData("--site is given twice", "--site", "a", "--site", "b")]
    [InlineData("unexpected argument 'extra'", "extra")]
    public void Bad_Command_Lines_Fail_With_One_Clear_Line(string message, params string[] args)
    {
        var exception = Assert.Throws<NodeCommandLineException>(() => NodeCommandLine.Parse(args));

        Assert.Equal(message, exception.Message);
    }

    [Theory]
    [InlineData("--emulate must be 'model' or 'replay:FILE', got 'dream'", "--emulate", "dream")]
    [InlineData("--time-scale needs --emulate: real sensors run in real time", "--time-scale", "10")]
    [InlineData("--time-scale must be a positive number, got 0", "--emulate", "model", "--time-scale", "0")]
    [InlineData("--ca, --cert and --key need an mqtts:// broker URL", "--ca", "/etc/hostname")]
    [InlineData("--cert and --key go together: the client certificate needs its private key", "--cert", "/etc/hostname")]
    [InlineData("--ca file '/nonexistent/ca.pem' not found", "--ca", "/nonexistent/ca.pem")]
    [InlineData("--bme280-address must be 0x76 or 0x77", "--bme280-address", "0x50")]
    [InlineData("--seed must be an integer, got 'x'", "--seed", "x")]
    public void Inconsistent_Flags_Are_Refused(string message, params string[] extra)
    {
        var exception = Assert.Throws<NodeCommandLineException>(() => NodeCommandLine.Parse([.. Minimal, .. extra]));

        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void Help_Is_Recognised_Anywhere()
    {
        Assert.True(NodeCommandLine.IsHelpRequested(["--node", "n", "--help"]));
        Assert.False(NodeCommandLine.IsHelpRequested(Minimal));
    }
}
