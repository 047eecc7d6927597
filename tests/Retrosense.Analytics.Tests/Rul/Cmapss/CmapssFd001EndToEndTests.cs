using Retrosense.Analytics.Rul.Cmapss;
using Retrosense.Testing;

namespace Retrosense.Analytics.Tests.Rul.Cmapss;

public sealed class CmapssFd001EndToEndTests
{
    [Fact]
    public void A_quick_model_on_fd001_predicts_the_official_test_units_far_better_than_the_published_svr_baseline()
    {
        var training = CmapssReader.ReadTrajectories(RepositoryPaths.RequireDataFile("cmapss/train_FD001.txt"));
        var test = CmapssReader.ReadTrajectories(RepositoryPaths.RequireDataFile("cmapss/test_FD001.txt"));
        var trueRul = CmapssReader.ReadRemainingUsefulLife(RepositoryPaths.RequireDataFile("cmapss/RUL_FD001.txt"));

        // Quick settings (150 rounds, one member, no CV) keep this to seconds; the benchmark command reports the full figures.
        var result = CmapssBenchmark.Run(training, test, trueRul, "RUL_FD001.txt", [CmapssModelSettings.Quick], folds: 0, seed: 1);

        Assert.Equal(100, result.TestUnits);
        Assert.Equal(1, result.OperatingConditions);
        // FD001's constant sensors (s1, s5, s10, s16, s18, s19) and the two-valued s6 are dropped.
        Assert.Equal([2, 3, 4, 7, 8, 9, 11, 12, 13, 14, 15, 17, 20, 21], result.KeptSensors);
        // Published SVR: RMSE 20.96, CNN 18.45 (README of the dataset folder). A sane model is well under both.
        Assert.InRange(result.Test.Rmse, 5, 16);
        Assert.True(result.Test.NasaScore < 1000, $"nasa score {result.Test.NasaScore}");
        Assert.Equal(13_096, result.ScoredWindows);
    }
}
