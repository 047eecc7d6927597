using System;

namespace Retrosense.Analytics.Rul.Cmapss;

/// <summary>
/// The training target: remaining cycles, capped. Early in life an engine shows no degradation, so no sensor can tell
/// 300 cycles left from 200; a constant "healthy" RUL there, falling linearly once below the cap, is what the data can
/// support (Heimes, "Recurrent neural networks for remaining useful life estimation", PHM 2008, introduced this
/// piecewise-linear target with its knee near 130 cycles; Li, Ding &amp; Sun, "Remaining useful life estimation in
/// prognostics using deep convolution neural networks", RESS 172, 2018, use 125 on FD001, as most of the results in the
/// published table do). 125 it is, fixed rather than tuned: it keeps our figures comparable with that table, and a cap
/// cannot be chosen by cross-validation against a target that itself depends on the cap.
/// </summary>
public static class PiecewiseLinearRulTarget
{
    /// <summary>Cap in cycles used by the benchmark (Li, Ding &amp; Sun 2018).</summary>
    public const double DefaultCapCycles = 125;

    /// <summary>min(last cycle − cycle, cap).</summary>
    public static double For(int cycle, int lastCycle, double capCycles)
    {
        if (cycle > lastCycle)
        {
            throw new ArgumentOutOfRangeException(nameof(cycle), cycle, $"cycle after the last cycle {lastCycle}");
        }

        return Math.Min(lastCycle - cycle, capCycles);
    }
}
