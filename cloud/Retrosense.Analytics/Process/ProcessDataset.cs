using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Retrosense.Analytics.Process;

/// <summary>
/// The numeric training set drawn from a <see cref="ProcessTable"/> for a <see cref="ProcessModelSpec"/>: feature rows
/// (controls then conditions, missing cells as NaN), the target, each row's lot key and time order.
/// Rows without a target value are dropped and counted; nothing else is dropped silently.
/// </summary>
public sealed class ProcessDataset
{
    /// <summary>A feature this empty carries too little to impute honestly.</summary>
    private const double MaximumMissingFraction = 0.5;

    /// <summary>|correlation| with the target above this means the column repeats the target (leakage), as Process.csv's last six columns do.</summary>
    private const double LeakageCorrelation = 0.995;

    private ProcessDataset(ProcessModelSpec spec, double[][] features, double[] target, string[] groups, double[] order, int droppedRows)
    {
        Spec = spec;
        Features = features;
        Target = target;
        Groups = groups;
        Order = order;
        DroppedRows = droppedRows;
    }

    public ProcessModelSpec Spec { get; }

    public double[][] Features { get; }

    public double[] Target { get; }

    /// <summary>The lot key of each row ("5|2" for api_code 5, api_batch 2); the row number when no group is given.</summary>
    public string[] Groups { get; }

    /// <summary>Each row's position in time (the time column, else the file order).</summary>
    public double[] Order { get; }

    /// <summary>Rows left out because the target cell was empty.</summary>
    public int DroppedRows { get; }

    public int RowCount => Target.Length;

    public static ProcessDataset From(ProcessTable table, ProcessModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var target = table.Numeric(spec.Target);
        var featureColumns = spec.Features.Select(table.Numeric).ToArray();
        var groupColumns = spec.GroupColumns.Select(table.IndexOf).ToArray();
        var timeColumn = spec.TimeColumn is null ? (double[]?)null : TimeValues(table, spec.TimeColumn);
        var keep = Enumerable.Range(0, table.RowCount).Where(row => !double.IsNaN(target[row])).ToArray();
        if (keep.Length < spec.Folds * 4)
        {
            throw new ProcessInputException($"only {keep.Length} rows have a value of '{spec.Target}': too few for {spec.Folds}-fold cross-validation");
        }

        for (var f = 0; f < featureColumns.Length; f++)
        {
            var missing = keep.Count(row => double.IsNaN(featureColumns[f][row]));
            if (missing > MaximumMissingFraction * keep.Length)
            {
                throw new ProcessInputException($"column '{spec.Features[f]}' is empty in {missing} of {keep.Length} rows: too sparse to use");
            }

            var present = keep.Where(row => !double.IsNaN(featureColumns[f][row])).ToArray();
            var correlation = Correlation(present.Select(row => featureColumns[f][row]).ToArray(), present.Select(row => target[row]).ToArray());
            if (Math.Abs(correlation) > LeakageCorrelation)
            {
                throw new ProcessInputException($"column '{spec.Features[f]}' repeats the target '{spec.Target}' (correlation {correlation.ToString("F4", CultureInfo.InvariantCulture)}): leave it out, it would leak the answer");
            }
        }

        var features = keep.Select(row => featureColumns.Select(column => column[row]).ToArray()).ToArray();
        var groups = keep.Select(row => groupColumns.Length == 0
            ? row.ToString(CultureInfo.InvariantCulture)
            : string.Join("|", groupColumns.Select(c => table.Rows[row][c].Trim()))).ToArray();
        var order = keep.Select(row => timeColumn is null ? row : timeColumn[row]).ToArray();
        return new ProcessDataset(spec, features, keep.Select(row => target[row]).ToArray(), groups, order, table.RowCount - keep.Length);
    }

    /// <summary>
    /// A time column as sortable numbers: plain numbers (a batch counter), ISO dates, or month labels like <c>nov.18</c>
    /// (English or Slovenian abbreviations, as the tablet data's <c>start</c> column uses: maj, avg, okt).
    /// </summary>
    private static double[] TimeValues(ProcessTable table, string column)
    {
        var index = table.IndexOf(column);
        var values = new double[table.RowCount];
        for (var row = 0; row < table.RowCount; row++)
        {
            var text = table.Rows[row][index].Trim();
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                values[row] = number;
            }
            else if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
            {
                values[row] = instant.Ticks;
            }
            else if (MonthLabel(text) is { } month)
            {
                values[row] = month;
            }
            else
            {
                throw new ProcessInputException($"{table.Source}: time column '{column}' row {row + 2} holds '{text}', which is neither a number, a date nor a month label like nov.18");
            }
        }

        return values;
    }

    private static readonly Dictionary<string, int> MonthNumbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["maj"] = 5, ["may"] = 5, ["jun"] = 6, ["jul"] = 7,
        ["avg"] = 8, ["aug"] = 8, ["sep"] = 9, ["okt"] = 10, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    };

    private static double? MonthLabel(string text)
    {
        var parts = text.Split('.', '-', ' ');
        if (parts.Length == 2 && MonthNumbers.TryGetValue(parts[0], out var month) && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return ((year < 100 ? 2000 + year : year) * 12) + month;
        }

        return null;
    }

    private static double Correlation(double[] x, double[] y)
    {
        if (x.Length < 3)
        {
            return 0;
        }

        var meanX = x.Average();
        var meanY = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
            syy += (y[i] - meanY) * (y[i] - meanY);
        }

        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : 0;
    }

    /// <summary>Row indices of a subset, as a dataset-shaped view for training.</summary>
    internal (double[][] Features, double[] Target) Subset(IReadOnlyList<int> rows) =>
        (rows.Select(r => Features[r]).ToArray(), rows.Select(r => Target[r]).ToArray());
}
