using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Retrosense.Analytics.Process;

namespace Retrosense.Analytics.Tests.Process;

/// <summary>
/// A made-up process with a known answer: quality = 50 − 2(speed − 3)² − 1.5(force − 5)² + 2·moisture + noise(σ 0.3),
/// so the best settings are speed 3, force 5 whatever the raw material. Speed is drawn from 0..6 and force from 2..8;
/// five batches share each lot's moisture (0..1), like consecutive tablet batches share raw-material lots.
/// </summary>
internal static class SyntheticProcess
{
    public const double OptimumSpeed = 3;

    public const double OptimumForce = 5;

    public static double Quality(double speed, double force, double moisture) =>
        50 - (2 * (speed - OptimumSpeed) * (speed - OptimumSpeed)) - (1.5 * (force - OptimumForce) * (force - OptimumForce)) + (2 * moisture);

    /// <param name="exclude">Rows for which this returns true are left out (a region the plant never ran).</param>
    public static ProcessTable Table(int lots, int seed, Func<double, double, bool>? exclude = null)
    {
        var random = new Random(seed);
        var rows = new List<string[]>();
        var batch = 0;
        for (var lot = 0; lot < lots; lot++)
        {
            var moisture = random.NextDouble();
            var made = 0;
            while (made < 5)
            {
                var speed = random.NextDouble() * 6;
                var force = 2 + (random.NextDouble() * 6);
                if (exclude?.Invoke(speed, force) == true)
                {
                    continue;
                }

                var noise = 0.3 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                var quality = Quality(speed, force, moisture) + noise;
                rows.Add([Text(++batch), Text(lot), Text(speed), Text(force), Text(moisture), Text(quality)]);
                made++;
            }
        }

        return new ProcessTable("synthetic", ["batch", "lot", "speed", "force", "moisture", "quality"], rows);
    }

    public static ProcessModelSpec Spec(int seed = 7) =>
        new("quality", ProcessObjective.Maximize, ["speed", "force"], ["moisture"], ["lot"], null, 5, seed);

    /// <summary>Enough trees at a fast rate to follow a smooth bowl; small enough to train in about a second.</summary>
    public static ProcessTrainerSettings Settings { get; } = new(Trees: 150, Leaves: 8, MinimumRowsPerLeaf: 5, LearningRate: 0.1);

    public static ProcessModel Train(ProcessTable table) => ProcessModelTrainer.Train(ProcessDataset.From(table, Spec()), Settings);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
