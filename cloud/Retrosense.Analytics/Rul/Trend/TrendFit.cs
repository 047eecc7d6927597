using System;
using System.Collections.Generic;
using System.Linq;

namespace Retrosense.Analytics.Rul.Trend;

/// <summary>
/// One least-squares line through (hours, value) or (hours, ln value), refitted once without outliers, with what the
/// slope test and the Fieller interval need: centre, spread of the hours, residual standard deviation.
/// </summary>
internal sealed class TrendFit
{
    /// <summary>1.4826 × median |residual| estimates σ for normal noise (the MAD's consistency constant).</summary>
    private const double MadToSigma = 1.4826;

    private TrendFit(TrendShape shape, int pointsUsed, int outliersRemoved, double meanHours, double interceptAtMean, double slope, double hoursSumOfSquares, double residualSigma, double squaredErrorOnValueScale)
    {
        Shape = shape;
        PointsUsed = pointsUsed;
        OutliersRemoved = outliersRemoved;
        MeanHours = meanHours;
        InterceptAtMean = interceptAtMean;
        Slope = slope;
        HoursSumOfSquares = hoursSumOfSquares;
        ResidualSigma = residualSigma;
        SquaredErrorOnValueScale = squaredErrorOnValueScale;
    }

    public TrendShape Shape { get; }

    public int PointsUsed { get; }

    public int OutliersRemoved { get; }

    public double MeanHours { get; }

    public double InterceptAtMean { get; }

    /// <summary>Per hour, on the fit scale (value or ln value).</summary>
    public double Slope { get; }

    public double HoursSumOfSquares { get; }

    public double ResidualSigma { get; }

    public double SquaredErrorOnValueScale { get; }

    /// <summary>Slope / its standard error; +∞ for a perfect rising fit, 0 for a perfect flat one.</summary>
    public double SlopeTStatistic
    {
        get
        {
            var standardError = ResidualSigma / Math.Sqrt(HoursSumOfSquares);
            if (standardError > 0)
            {
                return Slope / standardError;
            }

            return Slope > 0 ? double.PositiveInfinity : Slope < 0 ? double.NegativeInfinity : 0;
        }
    }

    public static TrendFit Fit(double[] hours, double[] values, TrendShape shape, TrendRulOptions options)
    {
        var y = shape == TrendShape.Exponential ? values.Select(value => Math.Log(value)).ToArray() : values;
        var keep = Enumerable.Range(0, hours.Length).ToList();
        var first = LeastSquares(hours, y, keep);
        var residuals = keep.Select(i => Math.Abs(y[i] - (first.Intercept + (first.Slope * (hours[i] - first.MeanHours))))).ToArray();
        var robustSigma = MadToSigma * Median(residuals);
        var outliers = 0;
        if (robustSigma > 0)
        {
            var limit = options.OutlierRejectionSigmas * robustSigma;
            var inliers = keep.Where(i => Math.Abs(y[i] - (first.Intercept + (first.Slope * (hours[i] - first.MeanHours)))) <= limit).ToList();
            if (inliers.Count < keep.Count && inliers.Count >= 3)
            {
                outliers = keep.Count - inliers.Count;
                keep = inliers;
            }
        }

        var final = keep.Count == hours.Length ? first : LeastSquares(hours, y, keep);
        if (final.HoursSumOfSquares <= 0)
        {
            // Every kept sample at one time: no slope to speak of. Keep the first fit's spread of hours.
            final = first;
            keep = Enumerable.Range(0, hours.Length).ToList();
            outliers = 0;
        }

        double squaredError = 0, squaredErrorOnValueScale = 0;
        foreach (var i in keep)
        {
            var fitted = final.Intercept + (final.Slope * (hours[i] - final.MeanHours));
            squaredError += (y[i] - fitted) * (y[i] - fitted);
            var onValueScale = shape == TrendShape.Exponential ? Math.Exp(fitted) : fitted;
            squaredErrorOnValueScale += (values[i] - onValueScale) * (values[i] - onValueScale);
        }

        var sigma = keep.Count > 2 ? Math.Sqrt(squaredError / (keep.Count - 2)) : 0;
        return new TrendFit(shape, keep.Count, outliers, final.MeanHours, final.Intercept, final.Slope, final.HoursSumOfSquares, sigma, squaredErrorOnValueScale);
    }

    /// <summary>The trend at <paramref name="hours"/> on the fit scale.</summary>
    public double ValueAt(double hours) => InterceptAtMean + (Slope * (hours - MeanHours));

    /// <summary>
    /// Where the trend meets <paramref name="thresholdOnFitScale"/>, and the Fieller interval: the roots of
    /// (a + b·u − T)² = q²·s²·(1/n + u²/Sxx), u = hours − mean hours. Call only when the slope test passed
    /// (b² &gt; q²·s²/Sxx), which makes the leading coefficient positive and both roots finite.
    /// </summary>
    public (double Remaining, double Lower, double Upper) CrossingInterval(double thresholdOnFitScale, double critical)
    {
        var gap = thresholdOnFitScale - InterceptAtMean;
        var point = MeanHours + (gap / Slope);
        var noise = critical * critical * ResidualSigma * ResidualSigma;
        var a = (Slope * Slope) - (noise / HoursSumOfSquares);
        var b = -2 * Slope * gap;
        var c = (gap * gap) - (noise / PointsUsed);
        var discriminant = Math.Max(0, (b * b) - (4 * a * c));
        var root = Math.Sqrt(discriminant);
        var lower = MeanHours + ((-b - root) / (2 * a));
        var upper = MeanHours + ((-b + root) / (2 * a));
        return (point, Math.Min(lower, point), Math.Max(upper, point));
    }

    private static (double MeanHours, double Intercept, double Slope, double HoursSumOfSquares) LeastSquares(double[] hours, double[] y, List<int> indices)
    {
        var meanHours = indices.Average(i => hours[i]);
        var meanY = indices.Average(i => y[i]);
        double sxx = 0, sxy = 0;
        foreach (var i in indices)
        {
            var dx = hours[i] - meanHours;
            sxx += dx * dx;
            sxy += dx * (y[i] - meanY);
        }

        var slope = sxx > 0 ? sxy / sxx : 0;
        return (meanHours, meanY, slope, sxx);
    }

    private static double Median(double[] values)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle]);
    }
}
