using System;
using System.Collections.Generic;
using System.Linq;
using Retrosense.Analytics.Rul.Cmapss;

namespace Retrosense.Analytics.Tests.Rul.Cmapss;

public sealed class OperatingConditionNormalizerTests
{
    [Fact]
    public void Six_operating_conditions_are_found_from_the_settings_of_a_generated_fd002_style_file()
    {
        var (training, _) = GeneratedFleet();

        var normalizer = OperatingConditionNormalizer.Fit(training);

        Assert.Equal(6, normalizer.ConditionCount);
        var centres = normalizer.ConditionCentres.Select(centre => (Math.Round(centre[0]), Math.Round(centre[1], 2), Math.Round(centre[2]))).OrderBy(c => c).ToList();
        Assert.Equal(SyntheticCmapssFleet.Conditions.Select(c => (c[0], c[1], c[2])).OrderBy(c => c), centres);
    }

    [Fact]
    public void Normalisation_removes_the_condition_shift_and_leaves_the_wear()
    {
        var (training, _) = GeneratedFleet();
        var normalizer = OperatingConditionNormalizer.Fit(training);
        var cycles = training.SelectMany(unit => unit.Cycles.Select(cycle => (Cycle: cycle, Wear: SyntheticCmapssFleet.Wear(unit.LastCycle - cycle.Cycle)))).ToList();
        var wear = cycles.Select(c => c.Wear).ToArray();

        // Sensor s6 (index 5, the first one that degrades): kept sensors start there.
        Assert.Equal(Enumerable.Range(5, 16), normalizer.KeptSensorIndices);
        var raw = cycles.Select(c => c.Cycle.Sensors[5]).ToArray();
        var normalized = cycles.Select(c => normalizer.Normalize(c.Cycle)[0]).ToArray();

        // Raw: the condition offsets (37+ units apart) swamp a wear signal of amplitude 1, so raw values barely follow wear.
        Assert.True(Math.Abs(Correlation(raw, wear)) < 0.1, $"raw correlation with wear {Correlation(raw, wear):F3}");
        // Normalised: the offsets are gone; what varies is wear (and noise of σ 0.1).
        Assert.True(Math.Abs(Correlation(normalized, wear)) > 0.9, $"normalised correlation with wear {Correlation(normalized, wear):F3}");

        // And per condition, healthy cycles (wear ≈ 0) have the same normalised level in every condition.
        var healthyLevels = cycles.Where(c => c.Wear < 0.01).GroupBy(c => normalizer.ConditionOf(c.Cycle.Settings))
            .Select(group => group.Average(c => normalizer.Normalize(c.Cycle)[0])).ToArray();
        Assert.Equal(6, healthyLevels.Length);
        Assert.True(healthyLevels.Max() - healthyLevels.Min() < 0.2, $"healthy normalised levels per condition: {string.Join(", ", healthyLevels.Select(v => v.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))}");
    }

    [Fact]
    public void Sensors_that_only_follow_the_condition_are_dropped_like_fd001s_constant_sensors()
    {
        var (training, _) = GeneratedFleet();

        var normalizer = OperatingConditionNormalizer.Fit(training);

        Assert.DoesNotContain(normalizer.KeptSensorIndices, sensor => sensor < 5);
    }

    [Fact]
    public void Test_cycles_are_normalised_with_the_statistics_fitted_on_the_training_units()
    {
        var (training, test) = GeneratedFleet();
        var normalizer = OperatingConditionNormalizer.Fit(training);

        // Every test cycle's settings land in one of the six training conditions, and its healthy early cycles sit near 0.
        var early = test.SelectMany(unit => unit.Cycles.Take(10)).Select(cycle => normalizer.Normalize(cycle)).ToList();

        Assert.All(early, values => Assert.True(values.All(v => Math.Abs(v) < 6), string.Join(", ", values)));
        Assert.True(Math.Abs(early.Average(values => values.Average())) < 0.5);
    }

    private static (IReadOnlyList<CmapssUnit> Training, IReadOnlyList<CmapssUnit> Test) GeneratedFleet()
    {
        using var folder = new TemporaryCmapssFolder();
        var (train, test, _) = SyntheticCmapssFleet.Generate(trainUnits: 30, testUnits: 10, seed: 11);
        return (CmapssReader.ReadTrajectories(folder.Write("train_FD002_synthetic.txt", train)), CmapssReader.ReadTrajectories(folder.Write("test_FD002_synthetic.txt", test)));
    }

    private static double Correlation(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        var sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        var sxx = x.Sum(a => (a - mx) * (a - mx));
        var syy = y.Sum(b => (b - my) * (b - my));
        return sxy / Math.Sqrt(sxx * syy);
    }
}
