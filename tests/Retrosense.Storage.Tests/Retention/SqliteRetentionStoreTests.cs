using Retrosense.Storage.Tests.Backends;

namespace Retrosense.Storage.Tests.Retention;

/// <summary>The shared RetentionStoreTests against SQLite files.</summary>
public sealed class SqliteRetentionStoreTests : RetentionStoreTests
{
    public SqliteRetentionStoreTests()
        : base(new SqliteBackend())
    {
    }
}
