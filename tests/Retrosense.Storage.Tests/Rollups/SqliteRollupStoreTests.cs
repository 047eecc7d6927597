using Retrosense.Storage.Tests.Backends;

namespace Retrosense.Storage.Tests.Rollups;

/// <summary>The shared RollupStoreTests against SQLite files.</summary>
public sealed class SqliteRollupStoreTests : RollupStoreTests
{
    public SqliteRollupStoreTests()
        : base(new SqliteBackend())
    {
    }
}
