using Retrosense.Storage.Tests.Backends;

namespace Retrosense.Storage.Tests.Predictions;

/// <summary>The shared PredictionStoreTests against SQLite files.</summary>
public sealed class SqlitePredictionStoreTests : PredictionStoreTests
{
    public SqlitePredictionStoreTests()
        : base(new SqliteBackend())
    {
    }
}
