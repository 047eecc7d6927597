using Retrosense.Storage.Tests.Backends;
using Retrosense.Testing;

namespace Retrosense.Storage.Tests.Recommendations;

/// <summary>The shared RecommendationStoreTests against a real PostgreSQL server started for this class.</summary>
public sealed class PostgresRecommendationStoreTests : RecommendationStoreTests, IClassFixture<PostgresServer>
{
    public PostgresRecommendationStoreTests(PostgresServer server)
        : base(new PostgresBackend(server))
    {
    }
}
