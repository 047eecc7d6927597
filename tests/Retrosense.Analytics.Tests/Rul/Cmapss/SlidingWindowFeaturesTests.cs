using Retrosense.Analytics.Rul.Cmapss;

namespace Retrosense.Analytics.Tests.Rul.Cmapss;

public sealed class SlidingWindowFeaturesTests
{
    private static readonly CmapssFeatureSettings Settings = new("test", [3], [3], [3], 2);

    [Fact]
    public void Window_statistics_match_hand_computed_values_and_shrink_to_the_history_there_is()
    {
        // One channel 1, 2, 4, 8, 16 on cycles 1–5. Features per cycle: last, mean3, sd3, slope3, mean10 − mean(first 2), cycle.
        double[][] channel = [[1], [2], [4], [8], [16]];

        var rows = SlidingWindowFeatures.Build(channel, [1, 2, 3, 4, 5], Settings);

        // Cycle 5: window {4, 8, 16}: mean 28/3, population sd √((5.333² + 1.333² + 6.667²) / 3) = 4.98888,
        // least-squares slope (16 − 4) / 2 = 6, latest 10-cycle mean (all 5) 31/5 = 6.2 minus baseline (1 + 2)/2 = 1.5 → 4.7.
        Assert.Equal([16f, 28f / 3, 4.98888f, 6f, 4.7f, 5f], rows[4], (a, b) => System.Math.Abs(a - b) < 1e-4);
        // Cycle 1: one sample: mean = value, spread 0, slope 0, baseline difference 0.
        Assert.Equal([1f, 1f, 0f, 0f, 0f, 1f], rows[0]);
        // Cycle 2: window {1, 2}: slope 1, sd 0.5.
        Assert.Equal(1f, rows[1][3]);
        Assert.Equal(0.5f, rows[1][2]);
    }
}
