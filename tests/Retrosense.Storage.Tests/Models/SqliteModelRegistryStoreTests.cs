using Retrosense.Storage.Tests.Backends;

namespace Retrosense.Storage.Tests.Models;

/// <summary>The shared ModelRegistryStoreTests against SQLite files.</summary>
public sealed class SqliteModelRegistryStoreTests : ModelRegistryStoreTests
{
    public SqliteModelRegistryStoreTests()
        : base(new SqliteBackend())
    {
    }
}
