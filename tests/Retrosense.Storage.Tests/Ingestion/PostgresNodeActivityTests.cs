using Retrosense.Storage.Tests.Backends;
using Retrosense.Testing;

namespace Retrosense.Storage.Tests.Ingestion;

/// <summary>The shared NodeActivityTests against a real PostgreSQL server started for this class.</summary>
public sealed class PostgresNodeActivityTests : NodeActivityTests, IClassFixture<PostgresServer>
{
    public PostgresNodeActivityTests(PostgresServer server)
        : base(new PostgresBackend(server))
    {
    }
}
