using System;
using System.Collections.Generic;
using System.Linq;

namespace Retrosense.Analytics.Rul.Cmapss;

/// <summary>
/// Removes what the operating condition does to the sensors, so that only wear is left. FD002 and FD004 fly six
/// conditions (altitude 0–42 kft, Mach 0–0.84, throttle resolver angle 60 or 100°; NASA readme, Saxena et al. 2008)
/// whose effect on every sensor dwarfs the degradation; FD001/FD003 fly one. Fitted on training data only: the
/// conditions are found by clustering the three settings, then each sensor is standardised with the mean and standard
/// deviation of its condition. Sensors that carry nothing (near-constant within every condition) are dropped.
/// </summary>
public sealed class OperatingConditionNormalizer
{
    /// <summary>
    /// Settings closer than these (altitude kft, Mach, TRA °) are one condition. The six C-MAPSS conditions are at
    /// least 5 kft, 0.08 Mach or 40° apart, while the recorded settings jitter by under 0.01 around them.
    /// </summary>
    private static readonly double[] SettingTolerances = [1.0, 0.05, 5.0];

    /// <summary>A sensor whose pooled within-condition standard deviation is below this is treated as constant (FD001 s1, s5, s10, s16, s18, s19).</summary>
    private const double ConstantSensorStandardDeviation = 1e-3;

    /// <summary>A sensor showing fewer distinct values than this in every condition is quantisation, not signal (FD001 s6: 21.60 or 21.61).</summary>
    private const int MinimumDistinctValues = 3;

    private readonly double[][] _conditionCentres;
    private readonly double[][] _sensorMeans;
    private readonly double[][] _sensorStandardDeviations;

    private OperatingConditionNormalizer(double[][] conditionCentres, double[][] sensorMeans, double[][] sensorStandardDeviations, int[] keptSensors)
    {
        _conditionCentres = conditionCentres;
        _sensorMeans = sensorMeans;
        _sensorStandardDeviations = sensorStandardDeviations;
        KeptSensorIndices = keptSensors;
    }

    /// <summary>Operating conditions found in the training data (1 for FD001/FD003, 6 for FD002/FD004).</summary>
    public int ConditionCount => _conditionCentres.Length;

    /// <summary>0-based sensor indices kept (sensor number − 1), in ascending order.</summary>
    public IReadOnlyList<int> KeptSensorIndices { get; }

    /// <summary>The condition centres (mean settings), for reports.</summary>
    public IReadOnlyList<IReadOnlyList<double>> ConditionCentres => _conditionCentres;

    /// <summary>Finds the conditions and each sensor's per-condition mean and spread in <paramref name="training"/>.</summary>
    public static OperatingConditionNormalizer Fit(IReadOnlyList<CmapssUnit> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var cycles = training.SelectMany(unit => unit.Cycles).ToList();
        if (cycles.Count == 0)
        {
            throw new ArgumentException("no training cycles to fit the operating conditions on", nameof(training));
        }

        // Leader clustering: a cycle joins the first condition within tolerance, else starts one. Then the centres
        // are recomputed as means and every cycle reassigned to its nearest centre.
        var leaders = new List<double[]>();
        foreach (var cycle in cycles)
        {
            if (!leaders.Any(leader => ScaledDistance(leader, cycle.Settings) <= 1))
            {
                leaders.Add(cycle.Settings);
            }
        }

        var assignments = cycles.Select(cycle => Nearest(leaders, cycle.Settings)).ToArray();
        var centres = Enumerable.Range(0, leaders.Count)
            .Select(condition => Enumerable.Range(0, CmapssCycle.SettingCount)
                .Select(setting => Enumerable.Range(0, cycles.Count).Where(i => assignments[i] == condition).Average(i => cycles[i].Settings[setting]))
                .ToArray())
            .ToArray();
        assignments = cycles.Select(cycle => Nearest(centres, cycle.Settings)).ToArray();

        var means = new double[centres.Length][];
        var deviations = new double[centres.Length][];
        var pooledSquares = new double[CmapssCycle.SensorCount];
        var distinctEnough = new bool[CmapssCycle.SensorCount];
        for (var condition = 0; condition < centres.Length; condition++)
        {
            var members = Enumerable.Range(0, cycles.Count).Where(i => assignments[i] == condition).Select(i => cycles[i]).ToList();
            means[condition] = new double[CmapssCycle.SensorCount];
            deviations[condition] = new double[CmapssCycle.SensorCount];
            if (members.Count == 0)
            {
                Array.Fill(deviations[condition], 1.0);
                continue;
            }

            for (var sensor = 0; sensor < CmapssCycle.SensorCount; sensor++)
            {
                var mean = members.Average(cycle => cycle.Sensors[sensor]);
                var squares = members.Sum(cycle => (cycle.Sensors[sensor] - mean) * (cycle.Sensors[sensor] - mean));
                var deviation = Math.Sqrt(squares / members.Count);
                means[condition][sensor] = mean;
                deviations[condition][sensor] = deviation > 1e-12 ? deviation : 1.0;
                pooledSquares[sensor] += squares;
                distinctEnough[sensor] |= members.Select(cycle => cycle.Sensors[sensor]).Distinct().Take(MinimumDistinctValues).Count() >= MinimumDistinctValues;
            }
        }

        var kept = Enumerable.Range(0, CmapssCycle.SensorCount)
            .Where(sensor => distinctEnough[sensor] && Math.Sqrt(pooledSquares[sensor] / cycles.Count) >= ConstantSensorStandardDeviation)
            .ToArray();
        if (kept.Length == 0)
        {
            throw new ArgumentException("every sensor is constant within its operating condition: nothing to learn from", nameof(training));
        }

        return new OperatingConditionNormalizer(centres, means, deviations, kept);
    }

    /// <summary>The condition whose centre is nearest to <paramref name="settings"/>.</summary>
    public int ConditionOf(double[] settings) => Nearest(_conditionCentres, settings);

    /// <summary>The kept sensors of <paramref name="cycle"/>, each standardised within its operating condition.</summary>
    public double[] Normalize(CmapssCycle cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var condition = ConditionOf(cycle.Settings);
        var result = new double[KeptSensorIndices.Count];
        for (var k = 0; k < result.Length; k++)
        {
            var sensor = KeptSensorIndices[k];
            result[k] = (cycle.Sensors[sensor] - _sensorMeans[condition][sensor]) / _sensorStandardDeviations[condition][sensor];
        }

        return result;
    }

    private static double ScaledDistance(double[] a, double[] b)
    {
        var distance = 0.0;
        for (var setting = 0; setting < CmapssCycle.SettingCount; setting++)
        {
            distance = Math.Max(distance, Math.Abs(a[setting] - b[setting]) / SettingTolerances[setting]);
        }

        return distance;
    }

    private static int Nearest(IReadOnlyList<double[]> centres, double[] settings)
    {
        var best = 0;
        var bestDistance = double.PositiveInfinity;
        for (var condition = 0; condition < centres.Count; condition++)
        {
            var distance = ScaledDistance(centres[condition], settings);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = condition;
            }
        }

        return best;
    }
}
