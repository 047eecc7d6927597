using Retrosense.Storage.Tests.Backends;
using Retrosense.Testing;

namespace Retrosense.Storage.Tests.Alarms;

/// <summary>The shared AlarmStoreTests against a real PostgreSQL server started for this class.</summary>
public sealed class PostgresAlarmStoreTests : AlarmStoreTests, IClassFixture<PostgresServer>
{
    public PostgresAlarmStoreTests(PostgresServer server)
        : base(new PostgresBackend(server))
    {
    }
}
