using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Platform.Provisioning;
using Retrosense.Storage;

namespace Retrosense.Cli.Commands;

/// <summary>
/// The options every <c>retrosense node</c> verb shares: where the reporting store is (the same defaults as the server:
/// SQLite at <c>{data-dir}/retrosense.db</c>, data dir <c>./data</c>), where the tenant CAs are (<c>--pki</c>, default
/// <c>{data-dir}/pki</c>) and where the broker's generated files go (<c>--broker-dir</c>, default <c>{data-dir}/mosquitto</c>).
/// </summary>
internal sealed class NodeStoreOptions
{
    public const string DefaultDataDirectory = "data";

    private readonly Option<string?> _store = new("--store") { Description = "Reporting store: sqlite (default) or postgres" };
    private readonly Option<string?> _connection = new("--connection") { Description = "PostgreSQL connection string, or the SQLite file (default: {data-dir}/retrosense.db)" };
    private readonly Option<string> _dataDirectory = new("--data-dir") { Description = "Data folder (SQLite store, PKI, broker files)", DefaultValueFactory = _ => DefaultDataDirectory };
    private readonly Option<string?> _pki = new("--pki") { Description = "Folder holding one CA folder per tenant (default: {data-dir}/pki)" };
    private readonly Option<string?> _brokerDirectory = new("--broker-dir") { Description = "Folder of the generated Mosquitto files: CA bundle, CRL, ACL, mosquitto.conf (default: {data-dir}/mosquitto)" };

    public void AddTo(Command command)
    {
        command.Options.Add(_store);
        command.Options.Add(_connection);
        command.Options.Add(_dataDirectory);
        command.Options.Add(_pki);
        command.Options.Add(_brokerDirectory);
    }

    public string DataDirectory(ParseResult parseResult) => parseResult.GetValue(_dataDirectory) ?? DefaultDataDirectory;

    /// <summary>Opens (and migrates) the store; bad flags become <see cref="CliInputException"/>.</summary>
    public async Task<ReportingStore> OpenStoreAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        ReportingStoreOptions options;
        try
        {
            options = ReportingStoreOptions.FromFlags(parseResult.GetValue(_store), parseResult.GetValue(_connection), DataDirectory(parseResult));
        }
        catch (ArgumentException exception)
        {
            throw new CliInputException(exception.Message);
        }

        return await ReportingStoreFactory.OpenAsync(options, cancellationToken).ConfigureAwait(false);
    }

    public NodeProvisioningService CreateService(ParseResult parseResult, ReportingStore store)
    {
        var dataDirectory = DataDirectory(parseResult);
        var pki = parseResult.GetValue(_pki) ?? Path.Combine(dataDirectory, "pki");
        var brokerDirectory = parseResult.GetValue(_brokerDirectory) ?? Path.Combine(dataDirectory, "mosquitto");
        return new NodeProvisioningService(store.Registry, pki, brokerDirectory);
    }
}
