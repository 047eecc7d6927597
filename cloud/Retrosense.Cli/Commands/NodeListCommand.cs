using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Platform.Registry;

namespace Retrosense.Cli.Commands;

/// <summary>
/// <c>retrosense node list [--tenant T] [--json]</c>: every registration (revoked ones too) of one tenant, or of every
/// tenant that has a CA under the PKI folder; a table, or one JSON object per node with <c>--json</c>.
/// </summary>
internal sealed class NodeListCommand
{
    public const string Name = "list";

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly NodeStoreOptions _storeOptions = new();
    private readonly Option<string?> _tenant = new("--tenant") { Description = "Only this tenant's nodes" };
    private readonly Option<bool> _json = new("--json") { Description = "Print one JSON object per node (JSON Lines)" };

    public NodeListCommand(TextWriter stdout, TextWriter stderr)
    {
        _stdout = stdout;
        _stderr = stderr;
        Command = new Command(Name, "List provisioned and revoked nodes") { _tenant, _json };
        _storeOptions.AddTo(Command);
        Command.SetAction(ExecuteAsync);
    }

    public Command Command { get; }

    /// <summary>A registration as the JSON the node verbs print (snake_case, times in ISO 8601 UTC).</summary>
    public static JsonObject ToJson(RegisteredNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new JsonObject
        {
            ["tenant"] = node.TenantId,
            ["site"] = node.SiteId,
            ["asset"] = node.AssetId,
            ["node"] = node.NodeId,
            ["board"] = RegistryNames.BoardName(node.Board),
            ["status"] = RegistryNames.StatusName(node.Status),
            ["certificate_serial"] = node.CertificateSerialNumber,
            ["certificate_sha256"] = node.CertificateThumbprintSha256,
            ["config_version"] = node.ConfigVersion,
            ["provisioned_at"] = Timestamp(node.ProvisionedAtUtc),
            ["revoked_at"] = node.RevokedAtUtc is { } revokedAt ? Timestamp(revokedAt) : null,
            ["revocation_reason"] = node.RevocationReason,
            ["firmware_last_seen"] = node.FirmwareVersionLastSeen,
        };
    }

    /// <summary>ISO 8601 UTC with milliseconds and 'Z' (no '+' for the JSON writer to escape).</summary>
    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(parseResult, cancellationToken).ConfigureAwait(false);
            return CliExitCodes.Success;
        }
        catch (Exception exception) when (exception is CliInputException or ArgumentException)
        {
            CliApp.WriteError(_stderr, $"{CliApp.Name} {NodeCommand.Name} {Name}", exception.Message);
            return CliExitCodes.BadInput;
        }
    }

    private async Task RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var tenantOption = parseResult.GetValue(_tenant);
        var tenant = tenantOption is null ? null : NodeProvisionCommand.RequireId("--tenant", tenantOption);
        await using var store = await _storeOptions.OpenStoreAsync(parseResult, cancellationToken).ConfigureAwait(false);
        var service = _storeOptions.CreateService(parseResult, store);
        var nodes = await service.ListAsync(tenant, cancellationToken).ConfigureAwait(false);
        if (parseResult.GetValue(_json))
        {
            foreach (var node in nodes)
            {
                _stdout.WriteLine(ToJson(node).ToJsonString());
            }

            return;
        }

        var rows = nodes.Select(node => new[]
        {
            node.TenantId, node.SiteId, node.AssetId, node.NodeId, RegistryNames.BoardName(node.Board), RegistryNames.StatusName(node.Status),
            node.ProvisionedAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            node.RevokedAtUtc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-",
            node.RevocationReason ?? string.Empty,
        }).ToList();
        string[] header = ["TENANT", "SITE", "ASSET", "NODE", "BOARD", "STATUS", "PROVISIONED", "REVOKED", "REASON"];
        var widths = header.Select((title, column) => rows.Select(row => row[column].Length).Append(title.Length).Max()).ToArray();
        _stdout.WriteLine(string.Join("  ", header.Select((title, column) => title.PadRight(widths[column]))).TrimEnd());
        foreach (var row in rows)
        {
            _stdout.WriteLine(string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }

        _stdout.WriteLine($"{nodes.Count(node => node.IsActive)} active, {nodes.Count(node => !node.IsActive)} revoked");
    }
}
