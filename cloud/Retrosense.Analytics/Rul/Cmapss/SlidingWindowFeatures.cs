using System;

namespace Retrosense.Analytics.Rul.Cmapss;

/// <summary>
/// Computes <see cref="CmapssFeatureSettings"/>' window statistics for every cycle of one unit in one pass, with prefix
/// sums (Σx, Σx², Σj·x), so a unit of N cycles costs O(N × channels × windows).
/// </summary>
internal static class SlidingWindowFeatures
{
    /// <summary>One feature row per cycle of <paramref name="channels"/> (cycles × channels), ending with the cycle number.</summary>
    public static float[][] Build(double[][] channels, int[] cycleNumbers, CmapssFeatureSettings settings)
    {
        var cycles = channels.Length;
        var channelCount = cycles == 0 ? 0 : channels[0].Length;
        var rows = new float[cycles][];
        var sum = new double[cycles + 1];
        var sumSquares = new double[cycles + 1];
        var sumIndexed = new double[cycles + 1];
        for (var i = 0; i < cycles; i++)
        {
            rows[i] = new float[settings.FeatureCount(channelCount)];
            rows[i][^1] = cycleNumbers[i];
        }

        for (var channel = 0; channel < channelCount; channel++)
        {
            for (var i = 0; i < cycles; i++)
            {
                var x = channels[i][channel];
                sum[i + 1] = sum[i] + x;
                sumSquares[i + 1] = sumSquares[i] + (x * x);
                sumIndexed[i + 1] = sumIndexed[i] + (i * x);
            }

            var offset = channel * settings.FeaturesPerChannel;
            for (var i = 0; i < cycles; i++)
            {
                var row = rows[i];
                var f = offset;
                row[f++] = (float)channels[i][channel];
                foreach (var window in settings.MeanWindows)
                {
                    row[f++] = (float)Mean(sum, i, window);
                }

                foreach (var window in settings.StandardDeviationWindows)
                {
                    row[f++] = (float)StandardDeviation(sum, sumSquares, i, window);
                }

                foreach (var window in settings.SlopeWindows)
                {
                    row[f++] = (float)Slope(sum, sumIndexed, i, window);
                }

                if (settings.BaselineCycles > 0)
                {
                    var baselineCount = Math.Min(settings.BaselineCycles, i + 1);
                    var baseline = sum[baselineCount] / baselineCount;
                    row[f] = (float)(Mean(sum, i, CmapssFeatureSettings.BaselineComparisonWindow) - baseline);
                }
            }
        }

        return rows;
    }

    /// <summary>Mean of the window of up to <paramref name="window"/> cycles ending at cycle index <paramref name="last"/>.</summary>
    private static double Mean(double[] sum, int last, int window)
    {
        var count = Math.Min(window, last + 1);
        return (sum[last + 1] - sum[last + 1 - count]) / count;
    }

    private static double StandardDeviation(double[] sum, double[] sumSquares, int last, int window)
    {
        var count = Math.Min(window, last + 1);
        var s = sum[last + 1] - sum[last + 1 - count];
        var s2 = sumSquares[last + 1] - sumSquares[last + 1 - count];
        var variance = (s2 - (s * s / count)) / count;
        return variance > 0 ? Math.Sqrt(variance) : 0;
    }

    /// <summary>Least-squares slope per cycle over the window: (nΣjx − ΣjΣx) / (nΣj² − (Σj)²), j the cycle index.</summary>
    private static double Slope(double[] sum, double[] sumIndexed, int last, int window)
    {
        var count = Math.Min(window, last + 1);
        if (count < 2)
        {
            return 0;
        }

        var first = last + 1 - count;
        var sx = sum[last + 1] - sum[first];
        var sjx = sumIndexed[last + 1] - sumIndexed[first];
        var sj = (double)(first + last) * count / 2;
        var sjj = SumOfSquaresUpTo(last) - SumOfSquaresUpTo(first - 1);
        var denominator = (count * sjj) - (sj * sj);
        return denominator > 0 ? ((count * sjx) - (sj * sx)) / denominator : 0;
    }

    private static double SumOfSquaresUpTo(int n) => n < 0 ? 0 : (double)n * (n + 1) * ((2 * n) + 1) / 6;
}
