using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Retrosense.Analytics.Anomaly;

/// <summary>
/// An asset's normal behaviour: per feature, the median and the robust spread (1.4826 × median absolute deviation) of
/// its log over healthy windows. Immutable and thread-safe: scoring only reads it.
/// </summary>
/// <remarks>
/// Why a robust per-feature baseline rather than ML.NET's RandomizedPca: it learns from tens of windows (PCA needs well
/// more windows than the 24 features to estimate their covariance), the median and MAD ignore the odd bad window in
/// the learning period (breakdown point 50 %, Rousseeuw and Croux 1993, JASA 88), and each feature's deviation is a
/// driver an engineer can read ("x.env_bpfo_g at 40× normal") without a separate explanation step. What it gives up:
/// correlations between features (a PCA residual would catch two features moving against each other while each stays
/// in range); bearing and looseness faults raise the features themselves, which this sees.
/// </remarks>
public sealed class AnomalyBaseline
{
    /// <summary>1 / Φ⁻¹(3/4): makes the MAD a consistent estimate of the standard deviation for normal data.</summary>
    private const double MadToStandardDeviation = 1.4826;

    private const int MaximumDrivers = 5;

    private readonly AnomalyBaselineFeature[] _features;

    private AnomalyBaseline(AnomalyBaselineFeature[] features, int windows, DateTimeOffset firstWindowUtc, DateTimeOffset lastWindowUtc)
    {
        _features = features;
        Windows = windows;
        FirstWindowUtc = firstWindowUtc;
        LastWindowUtc = lastWindowUtc;
    }

    /// <summary>Healthy windows the baseline was learned from.</summary>
    public int Windows { get; }

    public DateTimeOffset FirstWindowUtc { get; }

    public DateTimeOffset LastWindowUtc { get; }

    public IReadOnlyList<AnomalyBaselineFeature> Features => _features;

    /// <summary>Learns a baseline from healthy windows (features follow <see cref="NodeFeatureSet.All"/>); throws when there are none.</summary>
    public static AnomalyBaseline Fit(IReadOnlyList<FeatureWindow> windows, AnomalyDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(options);
        if (windows.Count == 0)
        {
            throw new ArgumentException("a baseline needs at least one window", nameof(windows));
        }

        var names = NodeFeatureSet.All;
        var features = new AnomalyBaselineFeature[names.Count];
        var column = new List<double>(windows.Count);
        for (var i = 0; i < names.Count; i++)
        {
            column.Clear();
            foreach (var window in windows)
            {
                var value = window.LogValues[i];
                if (double.IsFinite(value))
                {
                    column.Add(value);
                }
            }

            if (column.Count == 0)
            {
                features[i] = new AnomalyBaselineFeature(names[i].Name, double.NaN, double.NaN, 0);
                continue;
            }

            var median = Median(column);
            for (var j = 0; j < column.Count; j++)
            {
                column[j] = Math.Abs(column[j] - median);
            }

            var spread = Math.Max(MadToStandardDeviation * Median(column), options.MinimumLogSpread);
            features[i] = new AnomalyBaselineFeature(names[i].Name, median, spread, column.Count);
        }

        return new AnomalyBaseline(features, windows.Count, windows.Min(window => window.TimestampUtc), windows.Max(window => window.TimestampUtc));
    }

    /// <summary>Scores one window: the mean of its largest feature deviations, a health score and the drivers.</summary>
    public AnomalyScore Score(FeatureWindow window, AnomalyDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(options);
        var deviations = new List<FeatureDeviation>(_features.Length);
        for (var i = 0; i < _features.Length && i < window.LogValues.Count; i++)
        {
            var feature = _features[i];
            var value = window.LogValues[i];
            if (feature.Windows == 0 || !double.IsFinite(value))
            {
                continue;
            }

            var difference = value - feature.MedianLog;
            deviations.Add(new FeatureDeviation(feature.Name, difference / feature.SpreadLog, Math.Exp(difference)));
        }

        deviations.Sort((a, b) => Math.Abs(b.Deviation).CompareTo(Math.Abs(a.Deviation)));
        var averaged = Math.Min(options.DeviationsAveraged, deviations.Count);
        var deviation = 0.0;
        for (var i = 0; i < averaged; i++)
        {
            deviation += Math.Abs(deviations[i].Deviation);
        }

        deviation = averaged == 0 ? 0 : deviation / averaged;
        var relative = deviation / options.HalfHealthDeviation;
        var health = 100.0 / (1.0 + (relative * relative));
        var drivers = deviations.Where(item => Math.Abs(item.Deviation) >= options.DriverDeviation).Take(MaximumDrivers).ToList();
        return new AnomalyScore(deviation, health, deviation >= options.HalfHealthDeviation, drivers);
    }

    /// <summary>The registry package: JSON of <see cref="AnomalyBaselinePackage"/>.</summary>
    public byte[] ToPackage() => JsonSerializer.SerializeToUtf8Bytes(
        new AnomalyBaselinePackage(AnomalyBaselinePackage.FormatName, AnomalyBaselinePackage.CurrentFormatVersion, Windows, FirstWindowUtc, LastWindowUtc, _features),
        AnomalyJsonContext.Default.AnomalyBaselinePackage);

    /// <summary>Reads a registry package; throws <see cref="FormatException"/> with the reason when it is not a baseline this build reads.</summary>
    public static AnomalyBaseline FromPackage(ReadOnlySpan<byte> package)
    {
        AnomalyBaselinePackage? stored;
        try
        {
            stored = JsonSerializer.Deserialize(package, AnomalyJsonContext.Default.AnomalyBaselinePackage);
        }
        catch (JsonException exception)
        {
            throw new FormatException("the anomaly baseline package is not valid JSON: " + exception.Message, exception);
        }

        if (stored is null || stored.Format != AnomalyBaselinePackage.FormatName || stored.FormatVersion != AnomalyBaselinePackage.CurrentFormatVersion)
        {
            throw new FormatException($"not an anomaly baseline of format {AnomalyBaselinePackage.FormatName} version {AnomalyBaselinePackage.CurrentFormatVersion}");
        }

        // Features are matched by name, so a package written with another feature list still scores what both know.
        var byName = stored.Features.ToDictionary(feature => feature.Name, StringComparer.Ordinal);
        var features = NodeFeatureSet.All
            .Select(feature => byName.TryGetValue(feature.Name, out var known) ? known : new AnomalyBaselineFeature(feature.Name, double.NaN, double.NaN, 0))
            .ToArray();
        return new AnomalyBaseline(features, stored.Windows, stored.FirstWindowUtc, stored.LastWindowUtc);
    }

    /// <summary>Registry metadata: what the baseline is and what it was learned from.</summary>
    public string MetadataJson(string method) => JsonSerializer.Serialize(
        new AnomalyPredictionDetails { BaselineWindows = Windows, BaselineFromUtc = FirstWindowUtc, BaselineToUtc = LastWindowUtc, Method = method, Features = _features.Select(feature => feature.Name).ToList() },
        AnomalyJsonContext.Default.AnomalyPredictionDetails);

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
