using Retrosense.Storage.Tests.Backends;
using Retrosense.Testing;

namespace Retrosense.Storage.Tests.Predictions;

/// <summary>The shared PredictionStoreTests against a real PostgreSQL server started for this class.</summary>
public sealed class PostgresPredictionStoreTests : PredictionStoreTests, IClassFixture<PostgresServer>
{
    public PostgresPredictionStoreTests(PostgresServer server)
        : base(new PostgresBackend(server))
    {
    }
}
