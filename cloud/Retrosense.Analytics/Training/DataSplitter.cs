using System;
using System.Collections.Generic;
using System.Linq;
using Retrosense.Analytics.Data;

namespace Retrosense.Analytics.Training;

/// <summary>
/// Seeded splits of a <see cref="TrainingFrame"/>: the held-out part and the cross-validation folds of the rest. With a
/// group column, whole groups go to one side (no machine in both); with a time column (and no group), the latest rows
/// are held out and folds move forward in time (fit on the past, validate on the next block); otherwise classes are
/// stratified (every class in every part, in proportion) and regression rows shuffled.
/// </summary>
internal static class DataSplitter
{
    /// <summary>Fewest rows any training run accepts: below it neither folds nor a held-out part mean anything.</summary>
    public const int MinimumRows = 10;

    /// <summary>How the held-out part is chosen, in words for the report.</summary>
    public static string Describe(TrainingFrame frame) => frame switch
    {
        { Groups: not null } => "whole groups held out",
        { Times: not null } => "latest rows held out",
        { ClassIndices: not null } => "stratified by class",
        _ => "random",
    };

    public static DataSplit HoldOut(TrainingFrame frame, double fraction, int seed, int folds)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.RowCount < MinimumRows)
        {
            throw new TabularDataException($"{frame.Table.SourceName}: too few rows for the split: {frame.RowCount} data rows, training needs at least {MinimumRows}");
        }

        var random = new Random(seed);
        var all = Enumerable.Range(0, frame.RowCount).ToArray();
        int[] heldOut;
        if (frame.Groups is { } groups)
        {
            var distinct = Shuffle(groups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(), random);
            if (distinct.Length < 3)
            {
                throw new TabularDataException($"{frame.Table.SourceName}: too few groups for the split: the group column has {distinct.Length} distinct value(s), whole-group splits need at least 3");
            }

            var target = fraction * frame.RowCount;
            var chosen = new HashSet<string>(StringComparer.Ordinal);
            var taken = 0;
            foreach (var group in distinct)
            {
                if (taken >= target || chosen.Count >= distinct.Length - 2)
                {
                    break;
                }

                chosen.Add(group);
                taken += groups.Count(value => value == group);
            }

            heldOut = all.Where(row => chosen.Contains(groups[row])).ToArray();
        }
        else if (frame.Times is { } times)
        {
            var count = Math.Max(1, (int)Math.Round(fraction * frame.RowCount));
            heldOut = all.OrderBy(row => times[row]).ThenBy(row => row).Skip(frame.RowCount - count).ToArray();
        }
        else if (frame.ClassIndices is { } classes)
        {
            var held = new List<int>();
            for (var k = 0; k < frame.ClassCount; k++)
            {
                var rows = Shuffle(all.Where(row => classes[row] == k).ToArray(), random);
                var name = frame.Schema.Label!.Classes![k];
                if (rows.Length < folds + 1)
                {
                    throw new TabularDataException($"{frame.Table.SourceName}: too few rows for the split: class '{name}' of '{frame.Schema.Label.Column}' has {rows.Length} row(s), it needs at least {folds + 1} (one held out, one per cross-validation fold)");
                }

                held.AddRange(rows.Take(Math.Max(1, (int)Math.Round(fraction * rows.Length))));
            }

            heldOut = held.Order().ToArray();
        }
        else
        {
            heldOut = Shuffle(all, random).Take(Math.Max(1, (int)Math.Round(fraction * frame.RowCount))).Order().ToArray();
        }

        var heldSet = new HashSet<int>(heldOut);
        return new DataSplit(all.Where(row => !heldSet.Contains(row)).ToArray(), heldOut);
    }

    /// <summary>Cross-validation folds over <paramref name="rows"/> (the training part), at most <paramref name="folds"/> of them.</summary>
    public static IReadOnlyList<DataSplit> Folds(TrainingFrame frame, IReadOnlyList<int> rows, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(rows);
        var random = new Random(seed + 1);
        var assignment = new Dictionary<int, int>();
        if (frame.Groups is { } groups)
        {
            var distinct = Shuffle(rows.Select(row => groups[row]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(), random);
            folds = Math.Min(folds, distinct.Length);
            var foldOfGroup = distinct.Select((group, i) => (group, fold: i % folds)).ToDictionary(pair => pair.group, pair => pair.fold, StringComparer.Ordinal);
            foreach (var row in rows)
            {
                assignment[row] = foldOfGroup[groups[row]];
            }
        }
        else if (frame.Times is { } times)
        {
            // Forward chaining: blocks 0..k in time order; fold i fits on blocks 0..i and validates on block i+1.
            var ordered = rows.OrderBy(row => times[row]).ThenBy(row => row).ToArray();
            var blockSize = ordered.Length / (folds + 1);
            var splits = new List<DataSplit>();
            for (var fold = 0; fold < folds; fold++)
            {
                var fitEnd = blockSize * (fold + 1);
                var validationEnd = fold == folds - 1 ? ordered.Length : fitEnd + blockSize;
                splits.Add(new DataSplit(ordered[..fitEnd], ordered[fitEnd..validationEnd]));
            }

            return splits;
        }
        else if (frame.ClassIndices is { } classes)
        {
            for (var k = 0; k < frame.ClassCount; k++)
            {
                var classRows = Shuffle(rows.Where(row => classes[row] == k).ToArray(), random);
                for (var i = 0; i < classRows.Length; i++)
                {
                    assignment[classRows[i]] = i % folds;
                }
            }
        }
        else
        {
            var shuffled = Shuffle(rows.ToArray(), random);
            for (var i = 0; i < shuffled.Length; i++)
            {
                assignment[shuffled[i]] = i % folds;
            }
        }

        return Enumerable.Range(0, folds)
            .Select(fold => new DataSplit(
                rows.Where(row => assignment[row] != fold).ToArray(),
                rows.Where(row => assignment[row] == fold).ToArray()))
            .ToArray();
    }

    /// <summary>Fisher–Yates with the given generator, so a seed fixes the order.</summary>
    private static T[] Shuffle<T>(T[] items, Random random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items;
    }
}
