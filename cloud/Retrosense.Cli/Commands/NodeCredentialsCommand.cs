using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Platform.Registry;

namespace Retrosense.Cli.Commands;

/// <summary>
/// <c>retrosense node credentials --tenant T --node N</c>: issues a new MQTT password for a provisioned node (replacing
/// any earlier one) and prints only the password, one line, so a script can capture it:
/// <c>mosquitto_pub -u T:N -P "$(retrosense node credentials --tenant T --node N)" …</c>. The store keeps only its
/// SHA-256; the password is shown this once.
/// </summary>
internal sealed class NodeCredentialsCommand
{
    public const string Name = "credentials";

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly NodeStoreOptions _storeOptions = new();
    private readonly Option<string> _tenant = new("--tenant") { Description = "Tenant id", Required = true };
    private readonly Option<string> _node = new("--node") { Description = "Node id (must be provisioned and not revoked)", Required = true };

    public NodeCredentialsCommand(TextWriter stdout, TextWriter stderr)
    {
        _stdout = stdout;
        _stderr = stderr;
        Command = new Command(Name, "Issue a new MQTT password for a node (username TENANT:NODE) and print it; replaces any earlier password") { _tenant, _node };
        _storeOptions.AddTo(Command);
        Command.SetAction(ExecuteAsync);
    }

    public Command Command { get; }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        try
        {
            var tenant = NodeProvisionCommand.RequireId("--tenant", parseResult.GetValue(_tenant));
            var node = NodeProvisionCommand.RequireId("--node", parseResult.GetValue(_node));
            await using var store = await _storeOptions.OpenStoreAsync(parseResult, cancellationToken).ConfigureAwait(false);
            var password = await store.Credentials.IssuePasswordAsync(tenant, node, cancellationToken).ConfigureAwait(false);
            _stdout.WriteLine(password);
            return CliExitCodes.Success;
        }
        catch (Exception exception) when (exception is CliInputException or RegistryNotFoundException or ArgumentException)
        {
            CliApp.WriteError(_stderr, $"{CliApp.Name} {NodeCommand.Name} {Name}", exception.Message);
            return CliExitCodes.BadInput;
        }
    }
}
