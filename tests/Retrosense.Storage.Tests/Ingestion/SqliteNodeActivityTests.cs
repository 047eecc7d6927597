using Retrosense.Storage.Tests.Backends;

namespace Retrosense.Storage.Tests.Ingestion;

/// <summary>The shared NodeActivityTests against SQLite files.</summary>
public sealed class SqliteNodeActivityTests : NodeActivityTests
{
    public SqliteNodeActivityTests()
        : base(new SqliteBackend())
    {
    }
}
