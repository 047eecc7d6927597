using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Platform.Registry;

namespace Retrosense.Cli.Commands;

/// <summary>
/// <c>retrosense node revoke --tenant T --node N --reason TEXT</c>: marks the node revoked in the registry (the cloud
/// refuses its messages from then on), revokes its certificate in the tenant CA, and rewrites the broker's CRL and ACL.
/// </summary>
internal sealed class NodeRevokeCommand
{
    public const string Name = "revoke";

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly NodeStoreOptions _storeOptions = new();
    private readonly Option<string> _tenant = new("--tenant") { Description = "Tenant id", Required = true };
    private readonly Option<string> _node = new("--node") { Description = "Node id", Required = true };
    private readonly Option<string> _reason = new("--reason") { Description = "Why the node is revoked (kept in the registry)", Required = true };
    private readonly Option<bool> _json = new("--json") { Description = "Print the revoked node as one JSON object" };

    public NodeRevokeCommand(TextWriter stdout, TextWriter stderr)
    {
        _stdout = stdout;
        _stderr = stderr;
        Command = new Command(Name, "Revoke a node: refused by the cloud and, after a broker reload, at the TLS handshake") { _tenant, _node, _reason, _json };
        _storeOptions.AddTo(Command);
        Command.SetAction(ExecuteAsync);
    }

    public Command Command { get; }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(parseResult, cancellationToken).ConfigureAwait(false);
            return CliExitCodes.Success;
        }
        catch (Exception exception) when (exception is CliInputException or RegistryNotFoundException or ArgumentException)
        {
            CliApp.WriteError(_stderr, $"{CliApp.Name} {NodeCommand.Name} {Name}", exception.Message);
            return CliExitCodes.BadInput;
        }
    }

    private async Task RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var tenant = NodeProvisionCommand.RequireId("--tenant", parseResult.GetValue(_tenant));
        var node = NodeProvisionCommand.RequireId("--node", parseResult.GetValue(_node));
        var reason = parseResult.GetValue(_reason)?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            throw new CliInputException("--reason must say why the node is revoked");
        }

        await using var store = await _storeOptions.OpenStoreAsync(parseResult, cancellationToken).ConfigureAwait(false);
        var service = _storeOptions.CreateService(parseResult, store);
        var revoked = await service.RevokeAsync(tenant, node, reason, brokerUrl: null, cancellationToken).ConfigureAwait(false);
        if (parseResult.GetValue(_json))
        {
            _stdout.WriteLine(NodeListCommand.ToJson(revoked).ToJsonString());
            return;
        }

        _stdout.WriteLine($"revoked {tenant}:{node} ({revoked.SiteId}/{revoked.AssetId}) at {NodeListCommand.Timestamp(revoked.RevokedAtUtc ?? DateTimeOffset.UtcNow)}: {reason}");
        _stdout.WriteLine($"broker files rewritten in {service.Broker.Directory} (CRL and ACL); reload Mosquitto: kill -HUP $(pidof mosquitto)");
    }
}
