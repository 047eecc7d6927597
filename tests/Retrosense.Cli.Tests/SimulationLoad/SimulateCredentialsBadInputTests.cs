using System;
using Retrosense.Recordings.Tests;

namespace Retrosense.Cli.Tests.SimulationLoad;

/// <summary>A bad <c>--credentials</c> file or <c>--workers</c> count exits 2 with one line naming the problem, before any node starts.</summary>
public sealed class SimulateCredentialsBadInputTests : IDisposable
{
    // Nothing listens here: a case that wrongly got past validation would try to connect and not exit 2 at once.
    private const string Broker = "mqtt://127.0.0.1:1";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("demo:node-001\n", "line 1: expected 'tenant:node password'")]
    [InlineData("# comment\n\ndemo-node-001 secret\n", "line 3: expected 'tenant:node password'")]
    [InlineData("demo:node/001 secret\n", "line 1: node has invalid character '/'")]
    [InlineData("demo:node-001 a\ndemo:node-001 b\n", "line 2: demo:node-001 appears twice")]
    [InlineData("demo:node-001 secret\n", "has no password for demo:node-002")]
    public void Credentials_File_With_A_Mistake(string text, string expected)
    {
        var path = _folder.WriteText("credentials.txt", text);
        AssertBadInput(CliRun.Of("simulate", "--nodes", "2", "--broker", Broker, "--credentials", path), expected);
    }

    [Fact]
    public void Credentials_File_That_Does_Not_Exist()
    {
        AssertBadInput(CliRun.Of("simulate", "--nodes", "2", "--broker", Broker, "--credentials", _folder.Path + "/missing.txt"), "--credentials: cannot read");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public void Worker_Count_Out_Of_Range(string workers)
    {
        AssertBadInput(CliRun.Of("simulate", "--nodes", "2", "--broker", Broker, "--workers", workers), "--workers must be from 1 to 1000, got " + workers);
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
