using Retrosense.Storage.Tests.Backends;
using Retrosense.Testing;

namespace Retrosense.Storage.Tests.Credentials;

/// <summary>The shared NodeCredentialStoreTests against a real PostgreSQL server started for this class.</summary>
public sealed class PostgresNodeCredentialStoreTests : NodeCredentialStoreTests, IClassFixture<PostgresServer>
{
    public PostgresNodeCredentialStoreTests(PostgresServer server)
        : base(new PostgresBackend(server))
    {
    }
}
