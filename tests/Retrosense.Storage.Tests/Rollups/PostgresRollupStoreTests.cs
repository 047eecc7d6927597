using Retrosense.Storage.Tests.Backends;
using Retrosense.Testing;

namespace Retrosense.Storage.Tests.Rollups;

/// <summary>The shared RollupStoreTests against a real PostgreSQL server started for this class.</summary>
public sealed class PostgresRollupStoreTests : RollupStoreTests, IClassFixture<PostgresServer>
{
    public PostgresRollupStoreTests(PostgresServer server)
        : base(new PostgresBackend(server))
    {
    }
}
