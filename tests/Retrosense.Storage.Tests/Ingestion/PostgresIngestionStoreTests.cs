using Retrosense.Storage.Tests.Backends;
using Retrosense.Testing;

namespace Retrosense.Storage.Tests.Ingestion;

/// <summary>The ingestion store against a real PostgreSQL server started for this class.</summary>
public sealed class PostgresIngestionStoreTests : IngestionStoreTests, IClassFixture<PostgresServer>
{
    public PostgresIngestionStoreTests(PostgresServer server)
        : base(new PostgresBackend(server))
    {
    }
}
