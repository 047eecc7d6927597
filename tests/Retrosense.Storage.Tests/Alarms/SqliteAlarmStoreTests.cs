using Retrosense.Storage.Tests.Backends;

namespace Retrosense.Storage.Tests.Alarms;

/// <summary>The shared AlarmStoreTests against SQLite files.</summary>
public sealed class SqliteAlarmStoreTests : AlarmStoreTests
{
    public SqliteAlarmStoreTests()
        : base(new SqliteBackend())
    {
    }
}
