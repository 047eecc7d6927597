using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Retrosense.Storage.Tests.Backends;

namespace Retrosense.Storage.Tests.Ingestion;

/// <summary>The ingestion store against SQLite files, plus a throughput measurement (reported, not asserted).</summary>
public sealed class SqliteIngestionStoreTests : IngestionStoreTests
{
    private const int MessageCount = 10_000;
    private const int BatchSize = 500;

    public SqliteIngestionStoreTests()
        : base(new SqliteBackend())
    {
    }

    [Fact]
    public async Task Ten_Thousand_Telemetry_Messages_In_Batches_Of_500_Are_Stored_And_Their_Rate_Reported()
    {
        var now = GoldenNodeMessages.NewestGoldenTimestamp;
        var messages = Enumerable.Range(0, MessageCount)
            .Select(i => GoldenNodeMessages.DecodeVariant("telemetry.json", seq: 1_000 + i, now.AddSeconds(i - MessageCount), historical: false))
            .ToList();

        // CPU time as well as wall time: on a shared 2-core machine the wall clock mostly measures the neighbours.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var stored = 0;
        foreach (var batch in messages.Chunk(BatchSize))
        {
            stored += (await Ingestion.WriteBatchAsync(batch)).StoredCount;
        }

        stopwatch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        Assert.Equal(MessageCount, stored);
        Assert.Equal(MessageCount, await CountAsync("node_messages"));
        Assert.Equal(MessageCount, await CountAsync("node_messages", "kind = 'telemetry'"));
        var rate = MessageCount / stopwatch.Elapsed.TotalSeconds;
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"SQLite ingestion: {MessageCount} telemetry messages in batches of {BatchSize} in {stopwatch.Elapsed.TotalSeconds:F2} s = {rate:F0} messages/s; process CPU {cpu.TotalSeconds:F2} s = {MessageCount / cpu.TotalSeconds:F0} messages per CPU-second"));
    }
}
