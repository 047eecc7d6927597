using System.Linq;
using Retrosense.Storage.Migrations;

namespace Retrosense.Storage.Tests.Migrations;

public sealed class MigrationCatalogTests
{
    [Fact]
    public void Both_Dialects_Carry_The_Same_Numbered_Migrations()
    {
        var sqlite = MigrationCatalog.For(ReportingStoreKind.Sqlite);
        var postgres = MigrationCatalog.For(ReportingStoreKind.Postgres);

        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite.Select(m => (m.Version, m.Name)), postgres.Select(m => (m.Version, m.Name)));
        Assert.Equal(Enumerable.Range(1, sqlite.Count), sqlite.Select(m => m.Version));
    }

    [Fact]
    public void The_First_Migration_Creates_The_Registry_Tables()
    {
        foreach (var kind in new[] { ReportingStoreKind.Sqlite, ReportingStoreKind.Postgres })
        {
            var registry = MigrationCatalog.For(kind)[0];

            Assert.Equal("registry", registry.Name);
            foreach (var table in new[] { "tenants", "sites", "assets", "nodes", "installations" })
            {
                Assert.Contains("CREATE TABLE " + table + " (", registry.Sql, System.StringComparison.Ordinal);
            }
        }
    }
}
