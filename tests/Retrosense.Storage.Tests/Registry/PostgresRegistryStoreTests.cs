using Retrosense.Storage.Tests.Backends;
using Retrosense.Testing;

namespace Retrosense.Storage.Tests.Registry;

/// <summary>The registry behaviour against a real PostgreSQL server started for this class.</summary>
public sealed class PostgresRegistryStoreTests : RegistryStoreTests, IClassFixture<PostgresServer>
{
    public PostgresRegistryStoreTests(PostgresServer server)
        : base(new PostgresBackend(server))
    {
    }
}
