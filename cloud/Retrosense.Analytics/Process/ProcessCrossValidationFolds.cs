using System;
using System.Collections.Generic;
using System.Linq;

namespace Retrosense.Analytics.Process;

/// <summary>
/// Train/test row sets for cross-validation that respects how rows are related: whole lots go to one fold (batches
/// sharing raw-material lots would otherwise leak their lot's quality into the test fold), or time-ordered forward
/// chaining (train on the past, test on the next block).
/// </summary>
internal static class ProcessCrossValidationFolds
{
    /// <summary>Lots shuffled by the seed, then dealt largest first to the fold with the fewest rows, so folds are even.</summary>
    public static IReadOnlyList<(int[] Train, int[] Test)> Grouped(IReadOnlyList<string> groups, int folds, int seed)
    {
        var random = new Random(seed);
        var lots = groups.Select((group, row) => (group, row)).GroupBy(x => x.group, StringComparer.Ordinal)
            .Select(g => g.Select(x => x.row).ToArray()).ToArray();
        if (lots.Length < folds)
        {
            throw new ProcessInputException($"only {lots.Length} distinct lots: too few for {folds}-fold grouped cross-validation");
        }

        random.Shuffle(lots);
        var ordered = lots.Select((rows, order) => (rows, order)).OrderByDescending(x => x.rows.Length).ThenBy(x => x.order).Select(x => x.rows);
        var assigned = Enumerable.Range(0, folds).Select(_ => new List<int>()).ToArray();
        foreach (var lot in ordered)
        {
            assigned.MinBy(fold => fold.Count)!.AddRange(lot);
        }

        return assigned.Select(test =>
        {
            var testSet = test.ToHashSet();
            return (Enumerable.Range(0, groups.Count).Where(row => !testSet.Contains(row)).ToArray(), test.Order().ToArray());
        }).ToArray();
    }

    /// <summary>Rows sorted by time cut into folds + 1 blocks; fold k trains on blocks 0..k and tests on block k + 1.</summary>
    public static IReadOnlyList<(int[] Train, int[] Test)> TimeOrdered(IReadOnlyList<double> order, int folds)
    {
        var sorted = Enumerable.Range(0, order.Count).OrderBy(row => order[row]).ThenBy(row => row).ToArray();
        var blocks = folds + 1;
        var result = new List<(int[] Train, int[] Test)>();
        for (var k = 0; k < folds; k++)
        {
            var trainEnd = (k + 1) * sorted.Length / blocks;
            var testEnd = (k + 2) * sorted.Length / blocks;
            result.Add((sorted[..trainEnd], sorted[trainEnd..testEnd]));
        }

        return result;
    }
}
