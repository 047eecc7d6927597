using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Node.Configuration;
using Retrosense.Platform.Registry;
using Retrosense.Storage;

namespace Retrosense.Benchmarks.Ingest;

/// <summary>
/// Registers the simulated fleet (tenant, site <c>sim</c>, asset-NNN, node-NNN, as <c>retrosense simulate</c> names them)
/// in a fresh SQLite store under the server's data directory and issues every node a password, written to a
/// credentials file for <c>simulate --credentials</c>. Done before the server starts, as provisioning would.
/// </summary>
internal static class BenchFleetProvisioner
{
    public const string Site = "sim";

    public static async Task<string> ProvisionAsync(string dataDirectory, string tenant, int nodes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        var options = ReportingStoreOptions.ForSqlite(Path.Combine(dataDirectory, ReportingStoreOptions.SqliteFileName));
        var credentials = new StringBuilder();
        await using (var store = await ReportingStoreFactory.OpenAsync(options, cancellationToken).ConfigureAwait(false))
        {
            await store.Registry.EnsureTenantAsync(tenant, "Benchmark fleet", cancellationToken).ConfigureAwait(false);
            await store.Registry.UpsertSiteAsync(new Site(tenant, Site, "Benchmark site"), cancellationToken).ConfigureAwait(false);
            for (var index = 0; index < nodes; index++)
            {
                var asset = string.Create(CultureInfo.InvariantCulture, $"asset-{index + 1:D3}");
                var node = string.Create(CultureInfo.InvariantCulture, $"node-{index + 1:D3}");
                await store.Registry.UpsertAssetAsync(new Asset(tenant, Site, asset, "Bench machine " + (index + 1), MachineGroup.Group2, Foundation.Rigid, 1500f), cancellationToken).ConfigureAwait(false);

                // No certificate is issued (the nodes log in by password); the registry still wants a unique thumbprint.
                var thumbprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(tenant + ":" + node)));
                var serial = (index + 1).ToString("X", CultureInfo.InvariantCulture);
                await store.Registry.AddNodeAsync(new NodeRegistration(tenant, Site, asset, node, NodeBoard.Linux, thumbprint, serial, 1), cancellationToken).ConfigureAwait(false);
                var password = await store.Credentials.IssuePasswordAsync(tenant, node, cancellationToken).ConfigureAwait(false);
                credentials.Append(tenant).Append(':').Append(node).Append(' ').Append(password).Append('\n');
            }
        }

        var path = Path.Combine(dataDirectory, "bench-credentials.txt");
        await File.WriteAllTextAsync(path, credentials.ToString(), cancellationToken).ConfigureAwait(false);
        return path;
    }
}
