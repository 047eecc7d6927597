using Retrosense.Storage.Tests.Backends;

namespace Retrosense.Storage.Tests.Migrations;

/// <summary>Migrations against SQLite files.</summary>
public sealed class SqliteSchemaMigrationTests : SchemaMigrationTests
{
    public SqliteSchemaMigrationTests()
        : base(new SqliteBackend(), ReportingStoreKind.Sqlite)
    {
    }
}
