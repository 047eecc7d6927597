using System.Linq;
using Retrosense.Analytics.FailureRisk;

namespace Retrosense.Analytics.Tests.FailureRisk;

public sealed class StratifiedSplitTests
{
    // 339 failures in 10,000 rows: the AI4I 2020 rate.
    private static readonly bool[] Labels = Enumerable.Range(0, 10_000).Select(index => index % 10_000 < 339).ToArray();

    [Fact]
    public void The_test_part_keeps_the_failure_ratio_of_the_whole_set()
    {
        var (train, test) = StratifiedSplit.TrainTest(Labels, 0.2, seed: 42);

        Assert.Equal(2000, test.Length);
        Assert.Equal(68, test.Count(index => Labels[index]));
        Assert.Equal(271, train.Count(index => Labels[index]));
    }

    [Fact]
    public void The_parts_are_disjoint_and_cover_every_row()
    {
        var (train, test) = StratifiedSplit.TrainTest(Labels, 0.2, seed: 42);

        Assert.Empty(train.Intersect(test));
        Assert.Equal(Enumerable.Range(0, Labels.Length), train.Concat(test).Order());
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        var first = StratifiedSplit.TrainTest(Labels, 0.2, seed: 42).TestIndexes;

        Assert.Equal(first, StratifiedSplit.TrainTest(Labels, 0.2, seed: 42).TestIndexes);
        Assert.NotEqual(first, StratifiedSplit.TrainTest(Labels, 0.2, seed: 43).TestIndexes);
    }

    [Fact]
    public void Every_fold_gets_an_equal_share_of_each_class()
    {
        var folds = StratifiedSplit.Folds(Labels, 5, seed: 42);

        for (var fold = 0; fold < 5; fold++)
        {
            var failures = Enumerable.Range(0, Labels.Length).Count(index => folds[index] == fold && Labels[index]);
            var rows = folds.Count(assigned => assigned == fold);
            Assert.InRange(failures, 67, 68);
            Assert.Equal(2000, rows);
        }
    }
}
