using System;
using Retrosense.Node.Configuration;
using Retrosense.Node.Dsp;
using Retrosense.Node.EnvironmentChannels;
using Retrosense.Node.Thresholds;

namespace Retrosense.Node.Core.Tests.Thresholds;

public class LimitMonitorSetTests
{
    private static NodeConfig ConfigWithLimits()
    {
        var config = NodeConfig.CreateDefault();
        config.Limits = new[]
        {
            new LimitRule(FeatureChannel.VelocityRmsMmPerSecond, AxisSelector.Max, 2.8f, 4.5f, 0.2f, 1, false),
            new LimitRule(FeatureChannel.Kurtosis, AxisSelector.Z, 4f, 6f, 0.5f, 1, false),
            new LimitRule(FeatureChannel.TemperatureCelsius, AxisSelector.Max, 60f, 80f, 2f, 1, false),
        };
        return config;
    }

    private static VibrationFeatures Features(float velocityX, float velocityY, float velocityZ, float kurtosisZ)
    {
        var features = new VibrationFeatures(0);
        features.X.VelocityRmsMmPerSecond = velocityX;
        features.Y.VelocityRmsMmPerSecond = velocityY;
        features.Z.VelocityRmsMmPerSecond = velocityZ;
        features.X.Kurtosis = 10f;
        features.Y.Kurtosis = 10f;
        features.Z.Kurtosis = kurtosisZ;
        return features;
    }

    [Fact]
    public void A_Vibration_Window_Updates_Only_The_Vibration_Rules()
    {
        var set = new LimitMonitorSet(ConfigWithLimits());

        var count = set.UpdateVibration(Features(1f, 3f, 1f, 3f));

        Assert.Equal(1, count);
        Assert.Equal(1, set.TransitionCount);
        Assert.Equal(FeatureChannel.VelocityRmsMmPerSecond, set.Transition(0).Rule.Channel);
        Assert.Equal(3f, set.Transition(0).Value);
        Assert.Equal(LimitSeverity.Warning, set.HighestSeverity);
        Assert.Equal(LimitSeverity.Normal, set.Monitor(1).Severity);
        Assert.Equal(LimitSeverity.Normal, set.Monitor(2).Severity);
    }

    [Fact]
    public void A_Rule_On_One_Axis_Ignores_The_Other_Axes()
    {
        var set = new LimitMonitorSet(ConfigWithLimits());

        // X and Y kurtosis are 10, far beyond the alarm level, but the rule watches Z only.
        set.UpdateVibration(Features(1f, 1f, 1f, 3f));
        Assert.Equal(LimitSeverity.Normal, set.Monitor(1).Severity);

        set.UpdateVibration(Features(1f, 1f, 1f, 7f));
        Assert.Equal(LimitSeverity.Alarm, set.Monitor(1).Severity);
    }

    [Fact]
    public void An_Environment_Interval_Updates_Only_The_Environment_Rules_With_Its_Mean()
    {
        var set = new LimitMonitorSet(ConfigWithLimits());
        var environment = new EnvironmentSummary();
        environment.Add(55f, 40f, 1013f);
        environment.Add(85f, 40f, 1013f);

        var count = set.UpdateEnvironment(environment);

        Assert.Equal(1, count);
        Assert.Equal(FeatureChannel.TemperatureCelsius, set.Transition(0).Rule.Channel);
        Assert.Equal(70f, set.Transition(0).Value);
        Assert.Equal(LimitSeverity.Warning, set.Monitor(2).Severity);
        Assert.Equal(LimitSeverity.Normal, set.Monitor(0).Severity);
    }

    [Fact]
    public void An_Environment_Interval_Without_Readings_Is_No_Data()
    {
        var set = new LimitMonitorSet(ConfigWithLimits());

        Assert.Equal(0, set.UpdateEnvironment(new EnvironmentSummary()));
        Assert.Equal(LimitSeverity.Normal, set.HighestSeverity);
    }

    [Fact]
    public void Asking_For_A_Transition_Beyond_The_Count_Throws()
    {
        var set = new LimitMonitorSet(ConfigWithLimits());
        set.UpdateVibration(Features(1f, 1f, 1f, 1f));

        Assert.Throws<ArgumentOutOfRangeException>(() => set.Transition(0));
    }

    [Fact]
    public void UpdateVibration_Allocates_Nothing_In_Steady_State()
    {
        var set = new LimitMonitorSet(ConfigWithLimits());
        var quiet = Features(1f, 1f, 1f, 3f);
        var loud = Features(5f, 1f, 1f, 7f);
        set.UpdateVibration(loud);
        set.UpdateVibration(quiet);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var transitions = 0;
        for (var i = 0; i < 1000; i++)
        {
            transitions += set.UpdateVibration(i % 2 == 0 ? loud : quiet);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(2000, transitions);
    }
}
