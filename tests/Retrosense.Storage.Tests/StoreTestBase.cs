using System;
using System.Globalization;
using System.Threading.Tasks;
using Retrosense.Node.Configuration;
using Retrosense.Platform.Registry;
using Retrosense.Storage.Tests.Backends;
using Retrosense.Storage.Tests.Ingestion;

namespace Retrosense.Storage.Tests;

/// <summary>
/// A fresh, migrated, empty store per test on one backend, with a hand-moved clock; the shared suites of migration
/// 0003's stores derive from it and run once per backend through their concrete subclasses.
/// </summary>
public abstract class StoreTestBase : IAsyncLifetime
{
    /// <summary>The store's clock start; a whole millisecond so it survives both databases exactly.</summary>
    protected static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 2, 3, 456, TimeSpan.Zero);

    private readonly StoreBackend _backend;

    protected StoreTestBase(StoreBackend backend)
    {
        _backend = backend;
    }

    protected ManualTimeProvider Clock { get; } = new(Start);

    protected ReportingStoreOptions Options { get; private set; } = null!;

    protected ReportingStore Store { get; private set; } = null!;

    protected StoreBackend Backend => _backend;

    public async ValueTask InitializeAsync()
    {
        Options = await _backend.CreateEmptyStoreAsync(Clock);
        Store = await ReportingStoreFactory.OpenAsync(Options, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Store != null)
        {
            await Store.DisposeAsync();
        }

        await _backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected async Task<long> CountAsync(string table, string? where = null) =>
        Convert.ToInt64(await Backend.QueryScalarAsync(Options, "SELECT count(*) FROM " + table + (where is null ? string.Empty : " WHERE " + where)), CultureInfo.InvariantCulture);

    /// <summary>An SQL literal of <paramref name="instant"/> in the type the backend stores instants as.</summary>
    protected string InstantLiteral(DateTimeOffset instant) => Options.Kind == ReportingStoreKind.Postgres
        ? "'" + instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+00'::timestamptz"
        : instant.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Registers the golden messages' tenant, site and asset and the node <paramref name="nodeId"/> on it.</summary>
    protected async Task ProvisionGoldenNodeAsync(string nodeId, int certificateNumber)
    {
        await Store.Registry.EnsureTenantAsync(GoldenNodeMessages.Tenant, "Acme");
        await Store.Registry.UpsertSiteAsync(new Site(GoldenNodeMessages.Tenant, GoldenNodeMessages.Site, "Plant 1"));
        await Store.Registry.UpsertAssetAsync(new Asset(GoldenNodeMessages.Tenant, GoldenNodeMessages.Site, GoldenNodeMessages.Asset, "Pump 3", MachineGroup.Group2, Foundation.Rigid, null));
        var thumbprint = certificateNumber.ToString("X2", CultureInfo.InvariantCulture);
        await Store.Registry.AddNodeAsync(new NodeRegistration(
            GoldenNodeMessages.Tenant, GoldenNodeMessages.Site, GoldenNodeMessages.Asset, nodeId, NodeBoard.Esp32, string.Concat(System.Linq.Enumerable.Repeat(thumbprint, 32)), "0a1b2c", 1));
    }
}
