using Retrosense.Storage.Tests.Backends;
using Retrosense.Testing;

namespace Retrosense.Storage.Tests.Migrations;

/// <summary>Migrations against a real PostgreSQL server started for this class.</summary>
public sealed class PostgresSchemaMigrationTests : SchemaMigrationTests, IClassFixture<PostgresServer>
{
    public PostgresSchemaMigrationTests(PostgresServer server)
        : base(new PostgresBackend(server), ReportingStoreKind.Postgres)
    {
    }
}
