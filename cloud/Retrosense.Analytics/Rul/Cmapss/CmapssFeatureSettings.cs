using System.Collections.Generic;
using System.Linq;

namespace Retrosense.Analytics.Rul.Cmapss;

/// <summary>
/// Which sliding-window statistics describe each channel (every kept sensor, standardised per condition, plus the
/// linear health index) at a cycle. Windows reach back from the cycle and are cut to the history there is, so the
/// first cycles of a unit (and short test units, 31 cycles and up in FD001) still get every feature.
/// </summary>
/// <param name="Name">Short label for reports.</param>
/// <param name="MeanWindows">Cycles averaged: short ones follow the latest state, long ones average the sensor noise away.</param>
/// <param name="StandardDeviationWindows">Cycles over which the spread is taken.</param>
/// <param name="SlopeWindows">Cycles over which the least-squares slope (per cycle) is taken: the degradation rate.</param>
/// <param name="BaselineCycles">
/// The unit's first cycles, averaged as its own "new" reference; the feature is the latest 10-cycle mean minus that.
/// Each engine starts with its own manufacturing variation and initial wear (NASA readme), which this removes. 0 = off.
/// </param>
public sealed record CmapssFeatureSettings(
    string Name,
    IReadOnlyList<int> MeanWindows,
    IReadOnlyList<int> StandardDeviationWindows,
    IReadOnlyList<int> SlopeWindows,
    int BaselineCycles)
{
    /// <summary>Cycles of the "latest" mean compared with the baseline.</summary>
    public const int BaselineComparisonWindow = 10;

    /// <summary>Short windows only: reacts fast, noisier.</summary>
    public static CmapssFeatureSettings Short { get; } = new("short", [5, 10], [10], [10], 0);

    /// <summary>Up to 30 cycles (the shortest FD001 test unit has 31), with the unit's own baseline.</summary>
    public static CmapssFeatureSettings Long { get; } = new("long", [5, 10, 20, 30], [10, 30], [10, 20, 30], 20);

    /// <summary>Long windows up to 50 cycles (cut to the history there is), with the baseline.</summary>
    public static CmapssFeatureSettings Longer { get; } = new("longer", [5, 10, 20, 30, 50], [10, 30], [10, 20, 30, 50], 20);

    /// <summary>Features per channel: last value, means, spreads, slopes, and the baseline difference when on.</summary>
    public int FeaturesPerChannel => 1 + MeanWindows.Count + StandardDeviationWindows.Count + SlopeWindows.Count + (BaselineCycles > 0 ? 1 : 0);

    /// <summary>Features per cycle for <paramref name="channels"/> channels: every channel's features, then the cycle number.</summary>
    public int FeatureCount(int channels) => (channels * FeaturesPerChannel) + 1;

    /// <summary>"mean 5,10,20,30; sd 10,30; slope 10,20,30; baseline 20" for reports.</summary>
    public string Describe() =>
        $"mean {string.Join(',', MeanWindows)}; sd {string.Join(',', StandardDeviationWindows)}; slope {string.Join(',', SlopeWindows)}; baseline {(BaselineCycles > 0 ? BaselineCycles.ToString(System.Globalization.CultureInfo.InvariantCulture) : "off")}";

    /// <summary>The settings named <paramref name="name"/> (short, long, longer), or null.</summary>
    public static CmapssFeatureSettings? Named(string name) => new[] { Short, Long, Longer }.FirstOrDefault(settings => settings.Name == name);
}
