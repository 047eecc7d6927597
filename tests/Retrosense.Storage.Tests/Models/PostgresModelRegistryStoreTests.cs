using Retrosense.Storage.Tests.Backends;
using Retrosense.Testing;

namespace Retrosense.Storage.Tests.Models;

/// <summary>The shared ModelRegistryStoreTests against a real PostgreSQL server started for this class.</summary>
public sealed class PostgresModelRegistryStoreTests : ModelRegistryStoreTests, IClassFixture<PostgresServer>
{
    public PostgresModelRegistryStoreTests(PostgresServer server)
        : base(new PostgresBackend(server))
    {
    }
}
