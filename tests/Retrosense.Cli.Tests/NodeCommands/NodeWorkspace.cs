using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Retrosense.Recordings.Tests;
using Retrosense.Storage;

namespace Retrosense.Cli.Tests.NodeCommands;

/// <summary>A temp folder with the node verbs pointed into it: data dir (SQLite store, PKI, broker files) and node folders.</summary>
internal sealed class NodeWorkspace : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public string Root => _folder.Path;

    public string DataDirectory => Path.Combine(Root, "data");

    public string BrokerDirectory => Path.Combine(DataDirectory, "mosquitto");

    public string NodeFolder(string tenant, string node) => Path.Combine(Root, $"node-{tenant}-{node}");

    public string WifiPasswordFile(string password) => _folder.WriteText("wifi-password.txt", password + "\n");

    /// <summary>
    /// Runs <c>retrosense node provision</c> for a node with sensible defaults; <paramref name="extra"/> adds options or
    /// replaces a default one (an option may appear only once on the command line).
    /// </summary>
    public CliRun Provision(string tenant, string node, string board = "linux", string asset = "pump7", string broker = "mqtts://127.0.0.1:8883", params string[] extra)
    {
        var options = new List<(string Name, string? Value)>
        {
            ("--tenant", tenant), ("--site", "plant1"), ("--asset", asset), ("--node", node), ("--board", board), ("--broker", broker),
            ("--data-dir", DataDirectory), ("--out", NodeFolder(tenant, node)), ("--installer", "Kim"), ("--installed-on", "2026-11-20"),
        };
        for (var i = 0; i < extra.Length; i++)
        {
            var name = extra[i];
            string? value = i + 1 < extra.Length && !extra[i + 1].StartsWith("--", StringComparison.Ordinal) ? extra[++i] : null;
            options.RemoveAll(option => option.Name == name);
            options.Add((name, value));
        }

        var args = new List<string> { "node", "provision" };
        foreach (var (name, value) in options)
        {
            args.Add(name);
            if (value is not null)
            {
                args.Add(value);
            }
        }

        return CliRun.Of([.. args]);
    }

    public CliRun Run(params string[] args) => CliRun.Of([.. args, "--data-dir", DataDirectory]);

    public async Task<ReportingStore> OpenStoreAsync() =>
        await ReportingStoreFactory.OpenAsync(ReportingStoreOptions.ForSqlite(Path.Combine(DataDirectory, ReportingStoreOptions.SqliteFileName)));

    public static UnixFileMode UnixModeOf(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            return File.GetUnixFileMode(path);
        }

        Assert.Skip("Unix file modes do not exist on Windows");
        return default;
    }

    public void Dispose() => _folder.Dispose();
}
