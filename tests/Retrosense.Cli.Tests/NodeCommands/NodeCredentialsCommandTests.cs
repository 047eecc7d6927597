using System;
using System.Threading.Tasks;

namespace Retrosense.Cli.Tests.NodeCommands;

/// <summary><c>retrosense node credentials</c> on the SQLite store under <c>--data-dir</c>.</summary>
public sealed class NodeCredentialsCommandTests : IDisposable
{
    private readonly NodeWorkspace _workspace = new();

    private static System.Threading.CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Credentials_Print_Only_The_Password_And_The_Store_Accepts_It_For_That_Node()
    {
        Assert.Equal(0, _workspace.Provision("acme", "n1").ExitCode);

        var run = _workspace.Run("node", "credentials", "--tenant", "acme", "--node", "n1");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var password = Assert.Single(run.StdoutLines);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", password);
        Assert.Empty(run.Stderr);
        await using var store = await _workspace.OpenStoreAsync();
        Assert.True(await store.Credentials.VerifyPasswordAsync("acme", "n1", password, Cancellation));
        Assert.False(await store.Credentials.VerifyPasswordAsync("acme", "n2", password, Cancellation));
    }

    [Fact]
    public async Task Issuing_Again_Retires_The_Earlier_Password()
    {
        Assert.Equal(0, _workspace.Provision("acme", "n1").ExitCode);

        var first = Assert.Single(_workspace.Run("node", "credentials", "--tenant", "acme", "--node", "n1").StdoutLines);
        var second = Assert.Single(_workspace.Run("node", "credentials", "--tenant", "acme", "--node", "n1").StdoutLines);

        await using var store = await _workspace.OpenStoreAsync();
        Assert.False(await store.Credentials.VerifyPasswordAsync("acme", "n1", first, Cancellation));
        Assert.True(await store.Credentials.VerifyPasswordAsync("acme", "n1", second, Cancellation));
    }

    [Fact]
    public void An_Unknown_Or_Revoked_Node_Is_Bad_Input_With_One_Clear_Line()
    {
        Assert.Equal(0, _workspace.Provision("acme", "n1").ExitCode);
        Assert.Equal(0, _workspace.Run("node", "revoke", "--tenant", "acme", "--node", "n1", "--reason", "stolen").ExitCode);

        var unknown = _workspace.Run("node", "credentials", "--tenant", "acme", "--node", "n9");
        var revoked = _workspace.Run("node", "credentials", "--tenant", "acme", "--node", "n1");

        Assert.Equal((2, string.Empty), (unknown.ExitCode, unknown.Stdout));
        Assert.Contains("node 'n9' of tenant 'acme' has no active registration", Assert.Single(unknown.StderrLines), StringComparison.Ordinal);
        Assert.Equal((2, string.Empty), (revoked.ExitCode, revoked.Stdout));
        Assert.Contains("node 'n1' of tenant 'acme' has no active registration", Assert.Single(revoked.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_Or_Malformed_Flags_Are_Bad_Input()
    {
        var missingNode = _workspace.Run("node", "credentials", "--tenant", "acme");
        var badNode = _workspace.Run("node", "credentials", "--tenant", "acme", "--node", "n1/#");
        var badStore = _workspace.Run("node", "credentials", "--tenant", "acme", "--node", "n1", "--store", "postgres");

        Assert.All([missingNode, badNode, badStore], run => Assert.Equal((2, string.Empty), (run.ExitCode, run.Stdout)));
        Assert.Contains("--node", Assert.Single(missingNode.StderrLines), StringComparison.Ordinal);
        Assert.Contains("--node", Assert.Single(badNode.StderrLines), StringComparison.Ordinal);
        Assert.Single(badStore.StderrLines);
    }
}
