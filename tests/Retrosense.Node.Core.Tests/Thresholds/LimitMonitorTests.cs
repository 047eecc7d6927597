using System;
using Retrosense.Node.Configuration;
using Retrosense.Node.Thresholds;

namespace Retrosense.Node.Core.Tests.Thresholds;

public class LimitMonitorTests
{
    // Upper limit on velocity: warning 4.5, alarm 7.1 mm/s, hysteresis 0.3, three windows to confirm.
    private static LimitMonitor UpperMonitor(int confirmWindows = 3) =>
        new(new LimitRule(FeatureChannel.VelocityRmsMmPerSecond, AxisSelector.Max, 4.5f, 7.1f, 0.3f, confirmWindows, false));

    // Lower limit on temperature (frost protection): warning 5 °C, alarm 2 °C, hysteresis 0.5, two windows.
    private static LimitMonitor LowerMonitor() =>
        new(new LimitRule(FeatureChannel.TemperatureCelsius, AxisSelector.Max, 5f, 2f, 0.5f, 2, true));

    [Fact]
    public void N_Minus_One_Windows_Beyond_The_Warning_Level_Do_Not_Raise_It()
    {
        var monitor = UpperMonitor();

        Assert.False(monitor.Update(5f));
        Assert.False(monitor.Update(5f));
        Assert.Equal(LimitSeverity.Normal, monitor.Severity);
    }

    [Fact]
    public void N_Windows_Beyond_The_Warning_Level_Raise_It()
    {
        var monitor = UpperMonitor();
        monitor.Update(5f);
        monitor.Update(5f);

        Assert.True(monitor.Update(5.2f));

        var transition = monitor.Transition;
        Assert.Equal(LimitSeverity.Warning, monitor.Severity);
        Assert.Equal(LimitSeverity.Warning, transition.Severity);
        Assert.True(transition.IsRaised);
        Assert.Equal(LimitSeverity.Normal, transition.PreviousSeverity);
        Assert.Equal(LimitSeverity.Warning, transition.NewSeverity);
        Assert.Equal(5.2f, transition.Value);
        Assert.Equal(4.5f, transition.Threshold);
        Assert.Same(monitor.Rule, transition.Rule);
    }

    [Fact]
    public void A_Value_Exactly_On_The_Level_Counts_As_Beyond_It()
    {
        var monitor = UpperMonitor(confirmWindows: 1);

        Assert.True(monitor.Update(4.5f));
        Assert.Equal(LimitSeverity.Warning, monitor.Severity);
    }

    [Fact]
    public void A_Value_Back_Inside_Resets_The_Raise_Count()
    {
        var monitor = UpperMonitor();

        monitor.Update(5f);
        monitor.Update(5f);
        Assert.False(monitor.Update(4f));
        Assert.False(monitor.Update(5f));
        Assert.False(monitor.Update(5f));
        Assert.Equal(LimitSeverity.Normal, monitor.Severity);
        Assert.True(monitor.Update(5f));
    }

    [Fact]
    public void Escalation_From_Warning_To_Alarm_Is_A_Transition_Of_Its_Own()
    {
        var monitor = UpperMonitor();
        for (var i = 0; i < 3; i++)
        {
            monitor.Update(5f);
        }

        Assert.False(monitor.Update(8f));
        Assert.False(monitor.Update(8f));
        Assert.True(monitor.Update(8f));

        Assert.Equal(LimitSeverity.Alarm, monitor.Transition.Severity);
        Assert.True(monitor.Transition.IsRaised);
        Assert.Equal(LimitSeverity.Warning, monitor.Transition.PreviousSeverity);
        Assert.Equal(7.1f, monitor.Transition.Threshold);
    }

    [Fact]
    public void When_Both_Levels_Confirm_In_The_Same_Window_The_Alarm_Is_Raised_At_Once()
    {
        var monitor = UpperMonitor();

        monitor.Update(9f);
        monitor.Update(9f);
        Assert.True(monitor.Update(9f));

        Assert.Equal(LimitSeverity.Normal, monitor.Transition.PreviousSeverity);
        Assert.Equal(LimitSeverity.Alarm, monitor.Transition.NewSeverity);
        Assert.Equal(LimitSeverity.Alarm, monitor.Severity);
    }

    [Fact]
    public void De_Escalation_From_Alarm_To_Warning_Is_A_Transition_Of_Its_Own()
    {
        var monitor = UpperMonitor();
        for (var i = 0; i < 3; i++)
        {
            monitor.Update(9f);
        }

        // 6 mm/s: below the alarm level by more than the hysteresis, still beyond the warning level.
        Assert.False(monitor.Update(6f));
        Assert.False(monitor.Update(6f));
        Assert.True(monitor.Update(6f));

        Assert.Equal(LimitSeverity.Alarm, monitor.Transition.Severity);
        Assert.False(monitor.Transition.IsRaised);
        Assert.Equal(LimitSeverity.Warning, monitor.Transition.NewSeverity);
        Assert.Equal(LimitSeverity.Warning, monitor.Severity);
    }

    [Fact]
    public void A_Level_Clears_Only_After_N_Values_Inside_By_More_Than_The_Hysteresis()
    {
        var monitor = UpperMonitor();
        for (var i = 0; i < 3; i++)
        {
            monitor.Update(5f);
        }

        // 4.3 is below the warning level (4.5) but not by more than the hysteresis (0.3): it does not count.
        for (var i = 0; i < 10; i++)
        {
            Assert.False(monitor.Update(4.3f));
        }

        Assert.False(monitor.Update(4.1f));
        Assert.False(monitor.Update(4.1f));
        Assert.True(monitor.Update(4.1f));
        Assert.False(monitor.Transition.IsRaised);
        Assert.Equal(LimitSeverity.Warning, monitor.Transition.Severity);
        Assert.Equal(LimitSeverity.Normal, monitor.Severity);
    }

    [Fact]
    public void A_Value_Back_Beyond_The_Level_Resets_The_Clear_Count()
    {
        var monitor = UpperMonitor();
        for (var i = 0; i < 3; i++)
        {
            monitor.Update(5f);
        }

        monitor.Update(4f);
        monitor.Update(4f);
        monitor.Update(4.4f);
        monitor.Update(4f);
        monitor.Update(4f);
        Assert.Equal(LimitSeverity.Warning, monitor.Severity);
        Assert.True(monitor.Update(4f));
    }

    [Fact]
    public void A_Lower_Limit_Is_Raised_By_Values_Below_Its_Levels()
    {
        var monitor = LowerMonitor();

        Assert.False(monitor.Update(6f));
        Assert.False(monitor.Update(4f));
        Assert.True(monitor.Update(4f));
        Assert.Equal(LimitSeverity.Warning, monitor.Severity);
        Assert.Equal(5f, monitor.Transition.Threshold);

        Assert.False(monitor.Update(1f));
        Assert.True(monitor.Update(2f));
        Assert.Equal(LimitSeverity.Alarm, monitor.Severity);
        Assert.Equal(2f, monitor.Transition.Threshold);
    }

    [Fact]
    public void A_Lower_Limit_Clears_Only_Above_Its_Level_Plus_The_Hysteresis()
    {
        var monitor = LowerMonitor();
        monitor.Update(4f);
        monitor.Update(4f);

        Assert.False(monitor.Update(5.4f));
        Assert.False(monitor.Update(5.4f));
        Assert.Equal(LimitSeverity.Warning, monitor.Severity);
        Assert.False(monitor.Update(5.6f));
        Assert.True(monitor.Update(5.6f));
        Assert.Equal(LimitSeverity.Normal, monitor.Severity);
        Assert.False(monitor.Transition.IsRaised);
    }

    [Fact]
    public void A_NaN_Value_Neither_Advances_Nor_Resets_The_Counts()
    {
        var monitor = UpperMonitor();

        monitor.Update(5f);
        monitor.Update(5f);
        Assert.False(monitor.Update(float.NaN));
        Assert.False(monitor.Update(float.PositiveInfinity));
        Assert.Equal(LimitSeverity.Normal, monitor.Severity);
        Assert.True(monitor.Update(5f));
    }

    [Fact]
    public void Reset_Returns_To_Normal_And_Forgets_The_Counts()
    {
        var monitor = UpperMonitor();
        for (var i = 0; i < 3; i++)
        {
            monitor.Update(9f);
        }

        monitor.Reset();

        Assert.Equal(LimitSeverity.Normal, monitor.Severity);
        Assert.False(monitor.Update(9f));
        Assert.False(monitor.Update(9f));
        Assert.True(monitor.Update(9f));
    }

    [Fact]
    public void Update_Allocates_Nothing_In_Steady_State()
    {
        var monitor = UpperMonitor();
        for (var i = 0; i < 100; i++)
        {
            monitor.Update(i % 20);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var transitions = 0;
        for (var i = 0; i < 10_000; i++)
        {
            if (monitor.Update(i / 5 % 20))
            {
                transitions++;
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(transitions > 0);
    }
}
