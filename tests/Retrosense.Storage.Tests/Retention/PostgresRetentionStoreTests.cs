using Retrosense.Storage.Tests.Backends;
using Retrosense.Testing;

namespace Retrosense.Storage.Tests.Retention;

/// <summary>The shared RetentionStoreTests against a real PostgreSQL server started for this class.</summary>
public sealed class PostgresRetentionStoreTests : RetentionStoreTests, IClassFixture<PostgresServer>
{
    public PostgresRetentionStoreTests(PostgresServer server)
        : base(new PostgresBackend(server))
    {
    }
}
