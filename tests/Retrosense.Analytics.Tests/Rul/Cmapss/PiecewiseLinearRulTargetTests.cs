using System;
using Retrosense.Analytics.Rul.Cmapss;

namespace Retrosense.Analytics.Tests.Rul.Cmapss;

public sealed class PiecewiseLinearRulTargetTests
{
    [Theory]
    [InlineData(1, 200, 125)] // 199 cycles left, capped at 125
    [InlineData(75, 200, 125)] // exactly 125 left: the knee
    [InlineData(100, 200, 100)] // below the cap: linear
    [InlineData(200, 200, 0)] // the failure cycle
    public void The_target_is_the_remaining_cycles_capped_at_125(int cycle, int lastCycle, double expected)
    {
        Assert.Equal(expected, PiecewiseLinearRulTarget.For(cycle, lastCycle, PiecewiseLinearRulTarget.DefaultCapCycles));
    }

    [Fact]
    public void A_cycle_after_the_last_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PiecewiseLinearRulTarget.For(201, 200, 125));
    }
}
