using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Retrosense.Storage.Migrations;
using Retrosense.Storage.Tests.Backends;

namespace Retrosense.Storage.Tests.Migrations;

/// <summary>Versioned migrations, written once and run against every adapter.</summary>
public abstract class SchemaMigrationTests : IAsyncLifetime
{
    private readonly StoreBackend _backend;
    private ReportingStoreOptions _options = null!;

    protected SchemaMigrationTests(StoreBackend backend, ReportingStoreKind kind)
    {
        _backend = backend;
        LatestVersion = MigrationCatalog.For(kind)[^1].Version;
    }

    private int LatestVersion { get; }

    public async ValueTask InitializeAsync()
    {
        _options = await _backend.CreateEmptyStoreAsync(TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        await _backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_Fresh_Database_Gets_Every_Migration_In_Order()
    {
        var result = await ReportingStoreFactory.MigrateAsync(_options);

        Assert.Equal(Enumerable.Range(1, LatestVersion), result.AppliedVersions);
        Assert.Equal(LatestVersion, result.SchemaVersion);
        Assert.Equal((long)LatestVersion, Convert.ToInt64(await _backend.QueryScalarAsync(_options, "SELECT count(*) FROM schema_migrations"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Running_The_Migrations_Again_Changes_Nothing()
    {
        await using (var store = await ReportingStoreFactory.OpenAsync(_options))
        {
            await store.Registry.EnsureTenantAsync("acme", "Acme");
        }

        var again = await ReportingStoreFactory.MigrateAsync(_options);
        await using var reopened = await ReportingStoreFactory.OpenAsync(_options);

        Assert.Empty(again.AppliedVersions);
        Assert.Equal(LatestVersion, reopened.SchemaVersion);
        Assert.Equal("Acme", (await reopened.Registry.GetTenantAsync("acme"))?.DisplayName);
        Assert.Equal((long)LatestVersion, Convert.ToInt64(await _backend.QueryScalarAsync(_options, "SELECT count(*) FROM schema_migrations"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Stores_Opened_At_The_Same_Time_Migrate_Once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ReportingStoreFactory.MigrateAsync(_options)));

        Assert.Equal(Enumerable.Range(1, LatestVersion), results.SelectMany(result => result.AppliedVersions).Order());
    }

    [Fact]
    public async Task A_Database_With_A_Newer_Schema_Than_The_Code_Is_Refused()
    {
        await ReportingStoreFactory.MigrateAsync(_options);
        var future = LatestVersion + 1;
        await _backend.ExecuteSqlAsync(_options,
            $"INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ({future}, 'from_the_future', 'ABC', {_backend.NowExpression})");

        var refused = await Assert.ThrowsAsync<ReportingStoreSchemaException>(() => ReportingStoreFactory.OpenAsync(_options));

        Assert.Contains(
            $"has schema version {future}, newer than the latest this build of Retrosense knows ({LatestVersion})",
            refused.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Database_Migrated_With_Different_Sql_Is_Refused()
    {
        await ReportingStoreFactory.MigrateAsync(_options);
        await _backend.ExecuteSqlAsync(_options, "UPDATE schema_migrations SET checksum = 'EDITED' WHERE version = 1");

        var refused = await Assert.ThrowsAsync<ReportingStoreSchemaException>(() => ReportingStoreFactory.OpenAsync(_options));

        Assert.Contains("applied migration 0001_registry with different SQL than this build carries", refused.Message, StringComparison.Ordinal);
    }
}
