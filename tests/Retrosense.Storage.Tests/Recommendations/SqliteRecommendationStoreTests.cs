using Retrosense.Storage.Tests.Backends;

namespace Retrosense.Storage.Tests.Recommendations;

/// <summary>The shared RecommendationStoreTests against SQLite files.</summary>
public sealed class SqliteRecommendationStoreTests : RecommendationStoreTests
{
    public SqliteRecommendationStoreTests()
        : base(new SqliteBackend())
    {
    }
}
