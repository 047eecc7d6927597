using Retrosense.Cli.Simulation;

namespace Retrosense.Cli.Tests.SimulationLoad;

/// <summary>The publish→PUBACK histogram gives nearest-rank percentiles to its 50 µs resolution and the exact maximum.</summary>
public sealed class PublishLatencyHistogramTests
{
    [Fact]
    public void Percentiles_Of_One_To_One_Thousand_Milliseconds_Are_Their_Nearest_Ranks()
    {
        var histogram = new PublishLatencyHistogram();
        for (var milliseconds = 1; milliseconds <= 1000; milliseconds++)
        {
            histogram.Record(milliseconds * 1000L);
        }

        var summary = histogram.Summarize();

        Assert.NotNull(summary);
        Assert.Equal(1000, summary.Samples);

        // Each time sits at the lower edge of its 50 µs bucket, so the percentile is reported 0.05 ms above it.
        Assert.Equal(500.05, summary.P50Ms, 3);
        Assert.Equal(950.05, summary.P95Ms, 3);
        Assert.Equal(990.05, summary.P99Ms, 3);
        Assert.Equal(1000.0, summary.MaxMs, 3);
    }

    [Fact]
    public void Times_Past_The_Range_Count_In_The_Overflow_Bucket_And_The_Maximum_Stays_Exact()
    {
        var histogram = new PublishLatencyHistogram();
        histogram.Record(100);
        histogram.Record(25_000_000);

        var summary = histogram.Summarize();

        Assert.NotNull(summary);
        Assert.Equal(0.15, summary.P50Ms, 3);
        Assert.Equal(25_000.0, summary.P99Ms, 3);
        Assert.Equal(25_000.0, summary.MaxMs, 3);
    }

    [Fact]
    public void An_Empty_Histogram_Has_No_Summary()
    {
        Assert.Null(new PublishLatencyHistogram().Summarize());
    }
}
