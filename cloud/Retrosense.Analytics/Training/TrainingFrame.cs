using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.ML;
using Retrosense.Analytics.Data;

namespace Retrosense.Analytics.Training;

/// <summary>
/// A table checked against a <see cref="ModelSchema"/> and turned into arrays: one per feature, the label as class
/// indices (classification) or numbers (regression), and the group and time of every row when given. Builds ML.NET
/// views of any subset of rows. Every problem with the data is a <see cref="TabularDataException"/> naming the file.
/// </summary>
internal sealed class TrainingFrame
{
    /// <summary>ML.NET column names: fixed, so column names with spaces or brackets never reach a transform's options.</summary>
    public const string LabelColumn = "Label";

    private readonly Array[] _features;

    private TrainingFrame(TabularData table, TrainingTask task, ModelSchema schema, Array[] features, int[]? classIndices, float[]? targets, string[]? groups, double[]? times)
    {
        Table = table;
        Task = task;
        Schema = schema;
        _features = features;
        ClassIndices = classIndices;
        Targets = targets;
        Groups = groups;
        Times = times;
    }

    public TabularData Table { get; }

    public TrainingTask Task { get; }

    public ModelSchema Schema { get; }

    public int RowCount => Table.RowCount;

    /// <summary>Class index per row (binary: 1 = positive), when the label is a class.</summary>
    public int[]? ClassIndices { get; }

    /// <summary>Regression target per row.</summary>
    public float[]? Targets { get; }

    public string[]? Groups { get; }

    public double[]? Times { get; }

    public int ClassCount => Schema.Label?.Classes?.Count ?? 0;

    /// <summary>
    /// Checks a table for training and chooses the features: the named ones, or every column but the label, group and
    /// time (skipping, with a note, columns that cannot be features). Named features that cannot be used are errors.
    /// </summary>
    public static TrainingFrame ForTraining(
        TabularData table, TrainingTask task, string? labelColumn, IReadOnlyList<string>? featureColumns, string? groupColumn, string? timeColumn, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(table);
        var label = labelColumn is null ? null : table.ColumnNames[table.ColumnIndex(labelColumn)];
        if (label is null && task != TrainingTask.Anomaly)
        {
            throw new TabularDataException($"{table.SourceName}: a {TrainingTaskNames.NameOf(task)} model needs a label column");
        }

        var group = groupColumn is null ? null : table.ColumnNames[table.ColumnIndex(groupColumn)];
        var time = timeColumn is null ? null : table.ColumnNames[table.ColumnIndex(timeColumn)];
        var reserved = new HashSet<string>(new[] { label, group, time }.OfType<string>(), StringComparer.Ordinal);
        var explicitFeatures = featureColumns is { Count: > 0 };
        var names = explicitFeatures
            ? featureColumns!.Select(name => table.ColumnNames[table.ColumnIndex(name)]).ToList()
            : table.ColumnNames.Where(name => !reserved.Contains(name)).ToList();
        foreach (var name in names.GroupBy(name => name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            throw new TabularDataException(table.SourceName, 0, name.Key, "named twice in the features");
        }

        foreach (var name in names.Where(reserved.Contains))
        {
            throw new TabularDataException(table.SourceName, 0, name, name == label ? "is the label: it cannot also be a feature" : "is the group or time column: it cannot also be a feature");
        }

        var specs = new List<FeatureColumnSpec>();
        foreach (var name in names)
        {
            var problem = FeatureProblem(table, name, out var spec);
            if (problem is null)
            {
                specs.Add(spec!);
            }
            else if (explicitFeatures)
            {
                throw new TabularDataException(table.SourceName, 0, name, problem);
            }
            else
            {
                notes.Add($"column '{name}' skipped: {problem}");
            }
        }

        if (specs.Count == 0)
        {
            throw new TabularDataException($"{table.SourceName}: no usable feature column (the file has: {string.Join(", ", table.ColumnNames)})");
        }

        if (task == TrainingTask.Anomaly && specs.Count < 2)
        {
            throw new TabularDataException($"{table.SourceName}: an anomaly model needs at least 2 feature columns (it learns how they vary together), got {specs.Count}");
        }

        var labelSpec = label is null ? null : DescribeLabel(table, task, label);
        var schema = new ModelSchema(TrainingTaskNames.NameOf(task), specs, labelSpec);
        return Build(table, task, schema, requireLabel: true, group, time);
    }

    /// <summary>Reads a table for an existing model: every feature column must be there; the label is read when present.</summary>
    public static TrainingFrame ForScoring(TabularData table, TrainingTask task, ModelSchema schema)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(schema);
        var missing = schema.Features.Where(feature => !table.HasColumn(feature.Name)).Select(feature => feature.Name).ToArray();
        if (missing.Length > 0)
        {
            throw new TabularDataException($"{table.SourceName}: the model needs column{(missing.Length > 1 ? "s" : string.Empty)} {string.Join(", ", missing.Select(name => $"'{name}'"))}; the file has: {string.Join(", ", table.ColumnNames)}");
        }

        return Build(table, task, schema, requireLabel: false, group: null, time: null);
    }

    /// <summary>Whether this frame carries the label (a scoring table may not).</summary>
    public bool HasLabel => ClassIndices is not null || Targets is not null;

    /// <summary>An ML.NET view of <paramref name="rows"/> (all rows when null): the feature columns under their own names, and the label when present.</summary>
    public IDataView ToDataView(IReadOnlyList<int>? rows = null, bool includeLabel = true)
    {
        var selected = rows ?? Enumerable.Range(0, RowCount).ToArray();
        var builder = new ColumnarDataView.Builder();
        for (var i = 0; i < Schema.Features.Count; i++)
        {
            var feature = Schema.Features[i];
            if (_features[i] is float[] numbers)
            {
                builder.AddSingles(feature.Name, Pick(numbers, selected));
            }
            else
            {
                builder.AddTexts(feature.Name, Pick((string?[])_features[i], selected));
            }
        }

        if (includeLabel)
        {
            switch (Task)
            {
                case TrainingTask.Binary when ClassIndices is not null:
                    builder.AddBooleans(LabelColumn, selected.Select(row => ClassIndices[row] == 1).ToArray());
                    break;
                case TrainingTask.Multiclass when ClassIndices is not null:
                    builder.AddKeys(LabelColumn, Pick(ClassIndices, selected), ClassCount);
                    break;
                case TrainingTask.Regression when Targets is not null:
                    builder.AddSingles(LabelColumn, Pick(Targets, selected));
                    break;
            }
        }

        return builder.Build();
    }

    private static T[] Pick<T>(T[] values, IReadOnlyList<int> rows)
    {
        var picked = new T[rows.Count];
        for (var i = 0; i < picked.Length; i++)
        {
            picked[i] = values[rows[i]];
        }

        return picked;
    }

    private static TrainingFrame Build(TabularData table, TrainingTask task, ModelSchema schema, bool requireLabel, string? group, string? time)
    {
        var features = new Array[schema.Features.Count];
        for (var i = 0; i < features.Length; i++)
        {
            var feature = schema.Features[i];
            features[i] = feature.Kind == FeatureKinds.Numeric ? table.ReadSingles(feature.Name) : table.ReadTexts(feature.Name);
        }

        int[]? classIndices = null;
        float[]? targets = null;
        var label = schema.Label;
        if (label is not null && (requireLabel || table.HasColumn(label.Column)))
        {
            if (label.Classes is { } classes)
            {
                classIndices = ReadClassIndices(table, label.Column, classes);
            }
            else
            {
                targets = table.ReadSingles(label.Column);
                RequireNoMissing(table, label.Column, Array.ConvertAll(targets, value => (double)value));
            }
        }

        string[]? groups = null;
        if (group is not null)
        {
            var texts = table.ReadTexts(group);
            var missing = Array.IndexOf(texts, null);
            if (missing >= 0)
            {
                throw new TabularDataException(table.SourceName, table.LineNumberOf(missing), group, "missing value in the group column");
            }

            groups = texts!;
        }

        var times = time is null ? null : ReadTimes(table, time);
        return new TrainingFrame(table, task, schema, features, classIndices, targets, groups, times);
    }

    /// <summary>Why a column cannot be a feature, or null with its spec.</summary>
    private static string? FeatureProblem(TabularData table, string name, out FeatureColumnSpec? spec)
    {
        spec = null;
        switch (table.KindOf(name))
        {
            case TabularColumnKind.Empty:
                return "every value is missing";
            case TabularColumnKind.Numeric:
                var values = table.ReadDoubles(name).Where(value => !double.IsNaN(value)).Distinct().Take(2).ToArray();
                if (values.Length < 2)
                {
                    return $"holds the same value ({values[0].ToString(CultureInfo.InvariantCulture)}) in every row: it cannot help a model";
                }

                spec = new FeatureColumnSpec(name, FeatureKinds.Numeric);
                return null;
            default:
                var categories = table.ReadTexts(name).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
                if (categories.Length > FeatureKinds.MaximumCategories)
                {
                    var firstText = table.ReadTexts(name).Select((value, row) => (value, row)).First(pair => pair.value is not null && !TabularData.TryParseNumber(pair.value, out _));
                    return $"text with {categories.Length} distinct values (e.g. '{firstText.value}' on line {table.LineNumberOf(firstText.row)}): more than {FeatureKinds.MaximumCategories} categories is an identifier or free text, not a feature";
                }

                if (categories.Length < 2)
                {
                    return $"holds the same value ('{categories[0]}') in every row: it cannot help a model";
                }

                spec = new FeatureColumnSpec(name, FeatureKinds.Categorical) { Categories = categories };
                return null;
        }
    }

    private static LabelSpec DescribeLabel(TabularData table, TrainingTask task, string label)
    {
        var cells = table.ReadTexts(label);
        if (task == TrainingTask.Regression)
        {
            var targets = table.ReadDoubles(label);
            RequireNoMissing(table, label, targets);
            if (targets.Distinct().Count() < 2)
            {
                throw new TabularDataException(table.SourceName, 0, label, $"the label holds the same value ({targets[0].ToString(CultureInfo.InvariantCulture)}) in every row: nothing to learn");
            }

            return new LabelSpec(label);
        }

        var missing = Array.IndexOf(cells, null);
        if (missing >= 0)
        {
            throw new TabularDataException(table.SourceName, table.LineNumberOf(missing), label, "missing label value");
        }

        var numeric = table.KindOf(label) == TabularColumnKind.Numeric;
        var classes = ClassNames(cells!, numeric, out var counts);
        if (classes.Length < 2)
        {
            throw new TabularDataException(table.SourceName, 0, label, $"the label has one class ('{classes[0]}') in every row: a classifier needs at least two");
        }

        if (task == TrainingTask.Multiclass)
        {
            return new LabelSpec(label) { Classes = classes };
        }

        if (classes.Length > 2)
        {
            if (task == TrainingTask.Anomaly)
            {
                throw new TabularDataException(table.SourceName, 0, label, $"an anomaly label must have two classes (normal, anomalous), this one has {classes.Length}: {string.Join(", ", classes.Take(10))}");
            }

            throw new TabularDataException(table.SourceName, 0, label, $"the label has {classes.Length} classes ({string.Join(", ", classes.Take(10))}): use --task multiclass");
        }

        var positive = PositiveClassIndex(classes, numeric, counts);
        var ordered = positive == 1 ? classes : [classes[1], classes[0]];
        return new LabelSpec(label) { Classes = ordered, PositiveClass = ordered[1] };
    }

    /// <summary>
    /// The positive of two classes: the larger number (0/1 labels), else true / yes / positive / anomaly / fail*, else the
    /// rarer class (failures are rare), else the second in ordinal order.
    /// </summary>
    private static int PositiveClassIndex(string[] classes, bool numeric, int[] counts)
    {
        if (numeric)
        {
            return 1;
        }

        static bool LooksPositive(string value) =>
            value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase)
            || value.Equals("positive", StringComparison.OrdinalIgnoreCase) || value.Equals("anomaly", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("fail", StringComparison.OrdinalIgnoreCase);
        if (LooksPositive(classes[0]) != LooksPositive(classes[1]))
        {
            return LooksPositive(classes[0]) ? 0 : 1;
        }

        return counts[0] < counts[1] ? 0 : 1;
    }

    /// <summary>Distinct label values: numeric ones by value (so 1 and 1.0 are one class) in numeric order, text in ordinal order.</summary>
    private static string[] ClassNames(string[] cells, bool numeric, out int[] counts)
    {
        if (numeric)
        {
            var groups = cells.GroupBy(Parse).OrderBy(group => group.Key).ToArray();
            counts = groups.Select(group => group.Count()).ToArray();
            return groups.Select(group => group.Key.ToString(CultureInfo.InvariantCulture)).ToArray();
        }

        var textGroups = cells.GroupBy(cell => cell, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal).ToArray();
        counts = textGroups.Select(group => group.Count()).ToArray();
        return textGroups.Select(group => group.Key).ToArray();
    }

    private static double Parse(string cell) =>
        TabularData.TryParseNumber(cell, out var value) ? value : double.NaN;

    private static int[] ReadClassIndices(TabularData table, string label, IReadOnlyList<string> classes)
    {
        var numericClasses = classes.All(name => TabularData.TryParseNumber(name, out var value) && !double.IsNaN(value));
        var cells = table.ReadTexts(label);
        var indices = new int[cells.Length];
        for (var row = 0; row < cells.Length; row++)
        {
            var cell = cells[row] ?? throw new TabularDataException(table.SourceName, table.LineNumberOf(row), label, "missing label value");
            var name = numericClasses && TabularData.TryParseNumber(cell, out var value) ? value.ToString(CultureInfo.InvariantCulture) : cell;
            var index = -1;
            for (var k = 0; k < classes.Count; k++)
            {
                if (string.Equals(classes[k], name, StringComparison.Ordinal))
                {
                    index = k;
                    break;
                }
            }

            indices[row] = index >= 0
                ? index
                : throw new TabularDataException(table.SourceName, table.LineNumberOf(row), label, $"'{cell}' is not one of the model's classes ({string.Join(", ", classes)})");
        }

        return indices;
    }

    private static void RequireNoMissing(TabularData table, string column, double[] values)
    {
        var missing = Array.FindIndex(values, double.IsNaN);
        if (missing >= 0)
        {
            throw new TabularDataException(table.SourceName, table.LineNumberOf(missing), column, "missing label value");
        }
    }

    /// <summary>Time stamps as numbers: the cell's number, else an ISO 8601 date and time (as ticks).</summary>
    private static double[] ReadTimes(TabularData table, string column)
    {
        var cells = table.ReadTexts(column);
        var times = new double[cells.Length];
        for (var row = 0; row < cells.Length; row++)
        {
            var cell = cells[row] ?? throw new TabularDataException(table.SourceName, table.LineNumberOf(row), column, "missing value in the time column");
            if (TabularData.TryParseNumber(cell, out var number))
            {
                times[row] = number;
            }
            else if (DateTimeOffset.TryParse(cell, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                times[row] = date.UtcTicks;
            }
            else
            {
                throw new TabularDataException(table.SourceName, table.LineNumberOf(row), column, $"'{cell}' is neither a number nor a date and time");
            }
        }

        return times;
    }
}
