using Retrosense.Storage.Tests.Backends;

namespace Retrosense.Storage.Tests.Registry;

/// <summary>The registry behaviour against SQLite files.</summary>
public sealed class SqliteRegistryStoreTests : RegistryStoreTests
{
    public SqliteRegistryStoreTests()
        : base(new SqliteBackend())
    {
    }
}
