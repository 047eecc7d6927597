using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Retrosense.Node.Configuration;
using Retrosense.Platform.Registry;
using Retrosense.Server.Alarms;
using Retrosense.Storage;

namespace Retrosense.Server.Tests.Alarms;

/// <summary>A fresh SQLite reporting store in a temp folder with one tenant, site, asset and node registered.</summary>
internal sealed class AlarmTestStore : IAsyncDisposable
{
    public const string TenantId = "acme";
    public const string SiteId = "plant-1";
    public const string AssetId = "pump-3";
    public const string NodeId = "n-001";

    private readonly string _directory;

    private AlarmTestStore(string directory, ReportingStore store)
    {
        _directory = directory;
        Store = store;
    }

    public ReportingStore Store { get; }

    /// <summary>The SQLite file (for tests that insert rows no store interface writes yet, such as usage events).</summary>
    public string DatabasePath => Path.Combine(_directory, "store.db");

    public static async Task<AlarmTestStore> OpenAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "retrosense-alarms-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var store = await ReportingStoreFactory.OpenAsync(ReportingStoreOptions.ForSqlite(Path.Combine(directory, "store.db")), TestContext.Current.CancellationToken);
        var registry = store.Registry;
        await registry.EnsureTenantAsync(TenantId, "Acme", TestContext.Current.CancellationToken);
        await registry.UpsertSiteAsync(new Site(TenantId, SiteId, "Plant 1"), TestContext.Current.CancellationToken);
        await registry.UpsertAssetAsync(new Asset(TenantId, SiteId, AssetId, "Pump 3", MachineGroup.Group2, Foundation.Rigid, 1780), TestContext.Current.CancellationToken);
        await registry.AddNodeAsync(
            new NodeRegistration(TenantId, SiteId, AssetId, NodeId, NodeBoard.Esp32, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), "01", 0),
            TestContext.Current.CancellationToken);
        return new AlarmTestStore(directory, store);
    }

    public CloudAlarmMonitor CreateMonitor(TimeProvider timeProvider, TimeSpan nodeOfflineAfter) => new(
        Store.Alarms,
        Store.Ingestion,
        timeProvider,
        new ServerOptions { Store = ReportingStoreOptions.ForSqlite(Path.Combine(_directory, "store.db")), NodeOfflineAfter = nodeOfflineAfter },
        NullLogger<CloudAlarmMonitor>.Instance);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pooled connection; the temp folder is cleaned by the OS.
        }
    }
}
