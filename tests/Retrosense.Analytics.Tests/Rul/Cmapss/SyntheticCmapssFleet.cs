using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Retrosense.Analytics.Tests.Rul.Cmapss;

/// <summary>
/// Writes C-MAPSS-format text (26 space-separated columns, two trailing spaces like NASA's files) for a fleet flying
/// the six FD002/FD004 operating conditions: every sensor is shifted by the condition far more than it moves with wear,
/// the situation the per-condition normalisation must undo. Sensors s1–s5 depend on the condition only (constant
/// within it), like FD002's s1 (T2) and s5 (P2); s6–s21 also degrade as exp(−RUL/40) plus noise.
/// </summary>
internal static class SyntheticCmapssFleet
{
    /// <summary>FD002/FD004's six conditions: altitude (kft), Mach, throttle resolver angle (°).</summary>
    public static readonly double[][] Conditions =
    [
        [0, 0, 100], [10, 0.25, 100], [20, 0.70, 100], [25, 0.62, 60], [35, 0.84, 100], [42, 0.84, 100],
    ];

    public const double DegradationAmplitude = 1.0;

    public const double NoiseStandardDeviation = 0.1;

    /// <summary>The condition's offset of sensor <paramref name="sensor"/> (0-based): tens to hundreds of units apart.</summary>
    public static double ConditionOffset(int condition, int sensor) => 100.0 * (sensor + 1) + (37.0 * condition * (1 + (sensor % 4)));

    /// <summary>Wear indicator: ≈ 0 early in life, 1 at failure.</summary>
    public static double Wear(int remainingCycles) => Math.Exp(-remainingCycles / 40.0);

    /// <summary>Train text (units run to failure), test text (units cut 5–100 cycles before failure) and the RUL text for the test units.</summary>
    public static (string Train, string Test, string Rul) Generate(int trainUnits, int testUnits, int seed)
    {
        var random = new Random(seed);
        var train = new StringBuilder();
        for (var unit = 1; unit <= trainUnits; unit++)
        {
            var life = random.Next(120, 260);
            AppendUnit(train, unit, life, life, random);
        }

        var test = new StringBuilder();
        var rul = new StringBuilder();
        for (var unit = 1; unit <= testUnits; unit++)
        {
            var life = random.Next(120, 260);
            // Cut 5–100 cycles before failure: inside the 125-cycle cap, where wear is visible and the RUL is learnable.
            var observed = random.Next(life - 100, life - 5);
            AppendUnit(test, unit, life, observed, random);
            rul.Append(CultureInfo.InvariantCulture, $"{life - observed} \n");
        }

        return (train.ToString(), test.ToString(), rul.ToString());
    }

    private static void AppendUnit(StringBuilder text, int unit, int life, int observedCycles, Random random)
    {
        for (var cycle = 1; cycle <= observedCycles; cycle++)
        {
            var condition = random.Next(Conditions.Length);
            var settings = Conditions[condition];
            text.Append(CultureInfo.InvariantCulture, $"{unit} {cycle} {settings[0] + Jitter(random, 0.003):F4} {settings[1] + Jitter(random, 0.0005):F4} {settings[2]:F1}");
            var wear = Wear(life - cycle);
            for (var sensor = 0; sensor < 21; sensor++)
            {
                var value = ConditionOffset(condition, sensor);
                if (sensor >= 5)
                {
                    var direction = sensor % 2 == 0 ? 1 : -1;
                    value += (direction * DegradationAmplitude * wear) + (NoiseStandardDeviation * Normal(random));
                }

                text.Append(CultureInfo.InvariantCulture, $" {value:F4}");
            }

            text.Append("  \n");
        }
    }

    private static double Jitter(Random random, double halfWidth) => ((2 * random.NextDouble()) - 1) * halfWidth;

    private static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
