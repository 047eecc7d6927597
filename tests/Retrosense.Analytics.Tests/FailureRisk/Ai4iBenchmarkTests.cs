using System.Linq;
using Retrosense.Analytics.FailureRisk;
using Retrosense.Testing;

namespace Retrosense.Analytics.Tests.FailureRisk;

/// <summary>The public AI4I 2020 file with quick trainer settings: the full benchmark's F1 is larger (see the README).</summary>
public sealed class Ai4iBenchmarkTests
{
    private static readonly FailureRiskTrainingOptions QuickWithoutModes = FailureRiskTrainingOptions.Quick with { TrainFailureModeModels = false };

    [Fact]
    public void Machine_failure_f1_on_the_held_out_fifth_of_ai4i_stays_above_its_floor()
    {
        var runs = Ai4iCsvReader.ReadFile(RepositoryPaths.RequireDataFile("ai4i2020/ai4i2020.csv"));
        var (trainIndexes, testIndexes) = StratifiedSplit.TrainTest(runs.Select(run => run.MachineFailure).ToArray(), Ai4iBenchmark.TestFraction, FailureRiskTrainingOptions.DefaultSeed);

        var model = FailureRiskModel.Train([.. trainIndexes.Select(index => runs[index])], QuickWithoutModes);
        var evaluation = model.Evaluate([.. testIndexes.Select(index => runs[index])]);

        Assert.Equal(10_000, runs.Count);
        Assert.Equal(68, evaluation.MachineFailure.Positives);
        Assert.True(evaluation.MachineFailure.F1 >= 0.88, $"f1 {evaluation.MachineFailure.F1}");
        Assert.True(evaluation.MachineFailure.PrAuc >= 0.85, $"pr_auc {evaluation.MachineFailure.PrAuc}");
        Assert.DoesNotContain(model.FeatureNames, feature => FailureRiskFeatures.LabelColumns.Contains(feature));
    }

    [Fact]
    public void The_ceiling_counts_the_held_out_failures_no_input_explains()
    {
        var runs = Ai4iCsvReader.ReadFile(RepositoryPaths.RequireDataFile("ai4i2020/ai4i2020.csv"));

        var ceiling = Ai4iBenchmark.CeilingOf(runs);

        // Whole file: 9 failures without a mode (README), 339 failures, 46 with TWF; none of the RNF-only rows is a failure.
        Assert.Equal(9, ceiling.TestFailuresWithoutMode);
        Assert.Equal(18, ceiling.TestRandomFlagsWithoutMachineFailure);
        Assert.InRange(ceiling.RecallIfOnlyInputDrivenModesCaught, 0.8, 0.9);
    }
}
