using System;
using System.Linq;
using System.Text.Json;
using Retrosense.Testing;

namespace Retrosense.Cli.Tests.NodeCommands;

/// <summary>The node verbs on a real PostgreSQL reporting store (<c>--store postgres --connection …</c>), as in production.</summary>
public sealed class NodeVerbsPostgresTests : IClassFixture<PostgresServer>, IDisposable
{
    private readonly PostgresServer _server;
    private readonly NodeWorkspace _workspace = new();

    public NodeVerbsPostgresTests(PostgresServer server)
    {
        _server = server;
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Provision_List_And_Revoke_Work_On_Postgresql()
    {
        var connection = _server.ConnectionString;

        var provision = _workspace.Provision("acme", "n1", extra: ["--store", "postgres", "--connection", connection]);
        var revoke = _workspace.Run("node", "revoke", "--tenant", "acme", "--node", "n1", "--reason", "moved to pump9", "--store", "postgres", "--connection", connection);
        var list = _workspace.Run("node", "list", "--tenant", "acme", "--json", "--store", "postgres", "--connection", connection);

        Assert.True(provision.ExitCode == 0, provision.Stderr);
        Assert.True(revoke.ExitCode == 0, revoke.Stderr);
        var row = JsonDocument.Parse(Assert.Single(list.StdoutLines)).RootElement;
        Assert.Equal(("n1", "revoked", "moved to pump9"), (row.GetProperty("node").GetString(), row.GetProperty("status").GetString(), row.GetProperty("revocation_reason").GetString()));
        Assert.DoesNotContain(connection, provision.Stdout + revoke.Stdout + list.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_Store_Without_A_Connection_String_Is_Bad_Input()
    {
        var run = _workspace.Provision("acme", "n1", extra: ["--store", "postgres"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--store postgres needs --connection", Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }
}
