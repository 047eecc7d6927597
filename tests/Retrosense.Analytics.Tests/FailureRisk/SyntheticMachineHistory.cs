using System;
using System.Collections.Generic;
using Retrosense.Analytics.FailureRisk;

namespace Retrosense.Analytics.Tests.FailureRisk;

/// <summary>
/// A seeded, AI4I-like labelled history generated with the dataset author's failure rules (Matzka 2020, section III),
/// minus the random modes: fast to train on and with a known answer, so tests need not read the public file.
/// </summary>
internal static class SyntheticMachineHistory
{
    public static IReadOnlyList<LabelledMachineRun> Generate(int rows, int seed)
    {
        var random = new Random(seed);
        var history = new List<LabelledMachineRun>(rows);
        for (var index = 0; index < rows; index++)
        {
            var draw = random.NextDouble();
            var quality = draw < 0.5 ? ProductQuality.Low : draw < 0.8 ? ProductQuality.Medium : ProductQuality.High;
            var air = Math.Round(300 + (2 * Gaussian(random)), 1);
            var process = Math.Round(air + 10 + Gaussian(random), 1);
            var rpm = Math.Round(1540 + (180 * Gaussian(random)));
            var torque = Math.Round(Math.Max(3, 40 + (10 * Gaussian(random))), 1);
            var wear = (double)random.Next(0, 251);
            var run = new MachineRun(quality, air, process, rpm, torque, wear);

            var modes = new HashSet<FailureMode>();
            if (process - air < 8.6 && rpm < 1380)
            {
                modes.Add(FailureMode.HeatDissipation);
            }

            var powerWatts = torque * rpm * 2 * Math.PI / 60;
            if (powerWatts is < 3500 or > 9000)
            {
                modes.Add(FailureMode.Power);
            }

            if (wear * torque > FailureRiskFeatures.OverstrainLimitMinuteNewtonMetres(quality))
            {
                modes.Add(FailureMode.Overstrain);
            }

            history.Add(new LabelledMachineRun(run, modes.Count > 0, modes));
        }

        return history;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
