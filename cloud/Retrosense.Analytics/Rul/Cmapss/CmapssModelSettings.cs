using System.Globalization;

namespace Retrosense.Analytics.Rul.Cmapss;

/// <summary>Everything that decides a C-MAPSS RUL model besides the data and the seed.</summary>
/// <param name="Features">Window statistics per channel.</param>
/// <param name="NumberOfLeaves">LightGBM leaves per tree.</param>
/// <param name="NumberOfIterations">Boosting rounds.</param>
/// <param name="LearningRate">Shrinkage per round.</param>
/// <param name="MinimumExamplesPerLeaf">LightGBM min_data_in_leaf: large values smooth the fit across engines.</param>
/// <param name="EnsembleSize">Models trained with seeds seed, seed+1, … on 80 % row and feature subsamples, averaged.</param>
/// <param name="RulCapCycles">Cap of the piecewise-linear target (<see cref="PiecewiseLinearRulTarget"/>).</param>
/// <param name="Threads">LightGBM threads (the benchmark machine is shared: 1 keeps runs reproducible and polite).</param>
public sealed record CmapssModelSettings(
    CmapssFeatureSettings Features,
    int NumberOfLeaves,
    int NumberOfIterations,
    double LearningRate,
    int MinimumExamplesPerLeaf,
    int EnsembleSize,
    double RulCapCycles,
    int Threads)
{
    /// <summary>A quick model for tests: few rounds, one member.</summary>
    public static CmapssModelSettings Quick { get; } = new(CmapssFeatureSettings.Long, 15, 150, 0.08, 50, 1, PiecewiseLinearRulTarget.DefaultCapCycles, 1);

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"features {Features.Name} ({Features.Describe()}), leaves {NumberOfLeaves}, rounds {NumberOfIterations}, learning rate {LearningRate}, min leaf {MinimumExamplesPerLeaf}, ensemble {EnsembleSize}, cap {RulCapCycles}");
}
