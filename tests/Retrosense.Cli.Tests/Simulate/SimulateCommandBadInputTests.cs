using System;
using Retrosense.Recordings.Tests;

namespace Retrosense.Cli.Tests.Simulate;

/// <summary>Every bad <c>retrosense simulate</c> command line exits 2 with one line on stderr, before any node starts.</summary>
public sealed class SimulateCommandBadInputTests : IDisposable
{
    // Nothing listens here: a case that wrongly got past validation would try to connect and not exit 2 at once.
    private const string Broker = "mqtt://127.0.0.1:1";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("0", "--nodes must be from 1 to 10000, got 0")]
    [InlineData("10001", "--nodes must be from 1 to 10000, got 10001")]
    [InlineData("many", "'many' for option '--nodes'")]
    public void Node_Count_Out_Of_Range(string nodes, string expected)
    {
        AssertBadInput(CliRun.Of("simulate", "--nodes", nodes, "--broker", Broker, "--duration", "1"), expected);
    }

    [Theory]
    [InlineData("http://127.0.0.1:1883")]
    [InlineData("mqtts://127.0.0.1:8883")]
    [InlineData("127.0.0.1:1883")]
    [InlineData("mqtt://127.0.0.1:1883/some/path")]
    public void Broker_That_Is_Not_A_Plain_Mqtt_Url(string broker)
    {
        AssertBadInput(CliRun.Of("simulate", "--nodes", "2", "--broker", broker, "--duration", "1"), $"--broker must be mqtt://HOST[:PORT], got '{broker}'");
    }

    [Fact]
    public void Missing_Broker()
    {
        AssertBadInput(CliRun.Of("simulate", "--nodes", "2"), "--broker");
    }

    [Fact]
    public void Tenant_That_Would_Break_The_Topic()
    {
        AssertBadInput(CliRun.Of("simulate", "--nodes", "2", "--broker", Broker, "--tenant", "acme/+"), "--tenant 'acme/+' has invalid character '/' at index 4");
    }

    [Theory]
    [InlineData("--duration", "0", "--duration must be a positive number of seconds, got 0")]
    [InlineData("--duration", "-5", "--duration must be a positive number of seconds, got -5")]
    [InlineData("--rate", "0", "--rate must be a positive number of messages per second, got 0")]
    [InlineData("--rate", "Infinity", "--rate must be a positive number of messages per second")]
    [InlineData("--time-scale", "0", "--time-scale must be more than 0 and at most 1000, got 0")]
    [InlineData("--time-scale", "5000", "--time-scale must be more than 0 and at most 1000, got 5000")]
    public void Number_Out_Of_Range(string option, string value, string expected)
    {
        AssertBadInput(CliRun.Of("simulate", "--nodes", "2", "--broker", Broker, option, value), expected);
    }

    [Fact]
    public void Rate_Too_Low_For_The_Fleet_To_Pace()
    {
        // 1,000 nodes sharing 10 msg/s would sample at 2.56 Hz, below the 64 Hz the velocity and envelope bands need.
        AssertBadInput(CliRun.Of("simulate", "--nodes", "1000", "--broker", Broker, "--rate", "10"), "--rate 10 is too low for 1000 nodes at time scale 1: at least 250 msg/s");
    }

    [Theory]
    [InlineData("asset-001:wobble", "--faults entry 1 'asset-001:wobble': unknown fault 'wobble' (use imbalance, misalignment, outer-race, inner-race, ball)")]
    [InlineData("asset-001", "--faults entry 1 'asset-001': expected ASSET:FAULT[:onset=S][:growth=PER_S][:severity=0..1]")]
    [InlineData("asset-001:ball;asset-002:imbalance:onset=soon", "--faults entry 2 'asset-002:imbalance:onset=soon': 'onset=soon' is not KEY=NUMBER")]
    [InlineData("asset-001:ball:speed=3", "--faults entry 1 'asset-001:ball:speed=3': unknown key 'speed'")]
    [InlineData("asset-001:ball:severity=2", "severity must be from 0 to 1")]
    [InlineData("asset-001:ball:growth=-1", "growth must be a severity per second of at least 0")]
    [InlineData("asset-009:ball", "--faults names asset 'asset-009', but the fleet has asset-001 to asset-005")]
    [InlineData("asset-1:ball", "--faults names asset 'asset-1', but the fleet has asset-001 to asset-005")]
    [InlineData("asset-001:ball;asset-001:ball:onset=5", "--faults lists ball on asset-001 more than once")]
    [InlineData(";", "--faults is empty")]
    public void Fault_Plan_With_A_Mistake(string plan, string expected)
    {
        AssertBadInput(CliRun.Of("simulate", "--nodes", "5", "--broker", Broker, "--faults", plan), expected);
    }

    [Fact]
    public void Fault_Plan_File_Missing()
    {
        var path = _folder.Path + "/absent.json";

        AssertBadInput(CliRun.Of("simulate", "--nodes", "5", "--broker", Broker, "--faults", path), $"--faults file '{path}' not found");
    }

    [Theory]
    [InlineData("{\"asset\":\"asset-001\"}", "must hold a JSON array")]
    [InlineData("[{\"asset\":\"asset-001\",\"fault\":\"ball\",\"onset\":3}]", "entry 1: unknown field 'onset'")]
    [InlineData("[{\"asset\":\"asset-001\",\"fault\":\"ball\",\"onset_s\":\"later\"}]", "entry 1: \"onset_s\" must be a number")]
    [InlineData("[{\"fault\":\"ball\"}]", "entry 1: \"asset\" must be a non-empty string")]
    [InlineData("[]", "lists no faults")]
    [InlineData("[{", "is not valid JSON")]
    public void Fault_Plan_File_With_A_Mistake(string json, string expected)
    {
        var path = _folder.WriteText("plan.json", json);

        AssertBadInput(CliRun.Of("simulate", "--nodes", "5", "--broker", Broker, "--faults", path), expected);
    }

    private static void AssertBadInput(CliRun run, string expectedMessagePart)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("retrosense simulate: ", line, StringComparison.Ordinal);
        Assert.Contains(expectedMessagePart, line, StringComparison.Ordinal);
    }
}
