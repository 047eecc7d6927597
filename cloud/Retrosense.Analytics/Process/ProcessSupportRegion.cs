using System;
using System.Collections.Generic;
using System.Linq;

namespace Retrosense.Analytics.Process;

/// <summary>
/// Where the training data are dense enough to trust the model, over a subset of the features (all, controls only or
/// conditions only). A point's distance is the mean Euclidean distance to its <see cref="Neighbours"/> nearest
/// training rows in standardised units divided by √dimensions (so 1.0 means "one standard deviation per feature").
/// The limit is the 95th percentile of the same distance measured from each training row to the rows of OTHER lots:
/// a new lot is new, so a row's own lot-mates (often identical raw-material values) do not count as support.
/// Tree ensembles predict flat outside the data and do not disagree there, which is why distance, not only ensemble
/// spread, guards the search.
/// </summary>
public sealed class ProcessSupportRegion
{
    public const int Neighbours = 5;

    public const double LimitPercentile = 0.95;

    public ProcessSupportRegion(string name, IReadOnlyList<int> featureIndices, IReadOnlyList<double[]> standardisedPoints, double limit)
    {
        Name = name;
        FeatureIndices = featureIndices;
        StandardisedPoints = standardisedPoints;
        Limit = limit;
    }

    public string Name { get; }

    /// <summary>Positions in the model's feature order (controls then conditions).</summary>
    public IReadOnlyList<int> FeatureIndices { get; }

    /// <summary>Training rows projected onto <see cref="FeatureIndices"/>, standardised.</summary>
    public IReadOnlyList<double[]> StandardisedPoints { get; }

    public double Limit { get; }

    public static ProcessSupportRegion Build(string name, IReadOnlyList<int> featureIndices, IReadOnlyList<double[]> standardisedRows, IReadOnlyList<string> groups)
    {
        ArgumentNullException.ThrowIfNull(standardisedRows);
        ArgumentNullException.ThrowIfNull(groups);
        var points = standardisedRows.Select(row => featureIndices.Select(i => row[i]).ToArray()).ToArray();
        var ownDistances = new double[points.Length];
        for (var i = 0; i < points.Length; i++)
        {
            var distances = new List<double>(points.Length);
            for (var j = 0; j < points.Length; j++)
            {
                if (!string.Equals(groups[i], groups[j], StringComparison.Ordinal))
                {
                    distances.Add(EuclideanDistance(points[i], points[j]));
                }
            }

            ownDistances[i] = MeanOfSmallest(distances, Neighbours) / Math.Sqrt(Math.Max(1, featureIndices.Count));
        }

        Array.Sort(ownDistances);
        var limit = ProcessFeatureStatistics.Quantile(ownDistances, LimitPercentile);
        return new ProcessSupportRegion(name, featureIndices, points, Math.Max(limit, 1e-9));
    }

    /// <summary>Distance of a full standardised feature row from the training data, in the same units as <see cref="Limit"/>.</summary>
    public double Distance(double[] standardisedRow)
    {
        ArgumentNullException.ThrowIfNull(standardisedRow);
        var point = FeatureIndices.Select(i => standardisedRow[i]).ToArray();
        var distances = StandardisedPoints.Select(p => EuclideanDistance(point, p)).ToList();
        return MeanOfSmallest(distances, Neighbours) / Math.Sqrt(Math.Max(1, FeatureIndices.Count));
    }

    private static double EuclideanDistance(double[] a, double[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            sum += d * d;
        }

        return Math.Sqrt(sum);
    }

    private static double MeanOfSmallest(List<double> values, int count)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        values.Sort();
        return values.Take(count).Average();
    }
}
