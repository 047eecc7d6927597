using Retrosense.Storage.Tests.Backends;

namespace Retrosense.Storage.Tests.Credentials;

/// <summary>The shared NodeCredentialStoreTests against SQLite files.</summary>
public sealed class SqliteNodeCredentialStoreTests : NodeCredentialStoreTests
{
    public SqliteNodeCredentialStoreTests()
        : base(new SqliteBackend())
    {
    }
}
