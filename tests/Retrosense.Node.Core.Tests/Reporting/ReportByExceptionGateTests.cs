using System;
using System.Collections.Generic;
using Retrosense.Node.Configuration;
using Retrosense.Node.Reporting;

namespace Retrosense.Node.Core.Tests.Reporting;

public class ReportByExceptionGateTests
{
    // One window of 4096 samples at 3200 Hz (the default config) lasts 1.28 s.
    private const long WindowMilliseconds = 1280;

    private static float[] Steady()
    {
        var values = new float[FeatureChannels.Count];
        values[(int)FeatureChannel.VelocityRmsMmPerSecond] = 2.0f;
        values[(int)FeatureChannel.RmsG] = 0.1f;
        values[(int)FeatureChannel.Kurtosis] = 3.0f;
        values[(int)FeatureChannel.TemperatureCelsius] = 40f;
        return values;
    }

    /// <summary>Runs windows through the gate as the node would, recording every report that goes out.</summary>
    private static List<(long AtMilliseconds, ReportReason Reason)> Run(
        ReportByExceptionGate gate, int windows, Action<int, float[]> setValues)
    {
        var reports = new List<(long, ReportReason)>();
        var values = Steady();
        for (var i = 0; i < windows; i++)
        {
            var now = i * WindowMilliseconds;
            setValues(i, values);
            if (gate.ShouldReport(values, now))
            {
                reports.Add((now, gate.Reason));
                gate.RecordReport(values, now);
            }
        }

        return reports;
    }

    [Fact]
    public void The_First_Window_Is_Always_Reported()
    {
        var gate = new ReportByExceptionGate(NodeConfig.CreateDefault());

        Assert.True(gate.ShouldReport(Steady(), 123456));
        Assert.Equal(ReportReason.First, gate.Reason);
    }

    [Fact]
    public void A_Steady_Signal_Gives_Only_Heartbeats_Over_A_Simulated_Hour()
    {
        var config = NodeConfig.CreateDefault();
        var gate = new ReportByExceptionGate(config);
        var windowsPerHour = (int)(3_600_000 / WindowMilliseconds);

        // Noise well inside the deadbands (velocity ±0.05 against 0.2, temperature ±0.3 against 1.0).
        var reports = Run(gate, windowsPerHour, (i, values) =>
        {
            var wobble = (i * 7919 % 11 - 5) / 5f;
            values[(int)FeatureChannel.VelocityRmsMmPerSecond] = 2.0f + 0.05f * wobble;
            values[(int)FeatureChannel.TemperatureCelsius] = 40f + 0.3f * wobble;
        });

        Assert.Equal(ReportReason.First, reports[0].Reason);
        for (var r = 1; r < reports.Count; r++)
        {
            Assert.Equal(ReportReason.Heartbeat, reports[r].Reason);
            var gap = reports[r].AtMilliseconds - reports[r - 1].AtMilliseconds;
            Assert.InRange(gap, config.HeartbeatSeconds * 1000L, config.HeartbeatSeconds * 1000L + WindowMilliseconds - 1);
        }

        // A heartbeat every 300 s fits twelve times into an hour, counting the first report at t = 0.
        Assert.Equal(12, reports.Count);
    }

    [Fact]
    public void A_Step_Beyond_The_Deadband_Is_Reported_At_Once()
    {
        var gate = new ReportByExceptionGate(NodeConfig.CreateDefault());
        var values = Steady();
        gate.ShouldReport(values, 0);
        gate.RecordReport(values, 0);
        Assert.False(gate.ShouldReport(values, WindowMilliseconds));

        values[(int)FeatureChannel.VelocityRmsMmPerSecond] = 2.5f;

        Assert.True(gate.ShouldReport(values, 2 * WindowMilliseconds));
        Assert.Equal(ReportReason.Deadband, gate.Reason);
        Assert.Equal(FeatureChannel.VelocityRmsMmPerSecond, gate.DeadbandChannel);
        Assert.Equal(0.5f, gate.DeadbandChange, 4);
    }

    [Fact]
    public void A_Step_Down_Is_Reported_Like_A_Step_Up()
    {
        var gate = new ReportByExceptionGate(NodeConfig.CreateDefault());
        var values = Steady();
        gate.RecordReport(values, 0);

        values[(int)FeatureChannel.TemperatureCelsius] = 38f;

        Assert.True(gate.ShouldReport(values, WindowMilliseconds));
        Assert.Equal(FeatureChannel.TemperatureCelsius, gate.DeadbandChannel);
        Assert.Equal(-2f, gate.DeadbandChange);
    }

    [Fact]
    public void Slow_Drift_Beyond_The_Deadband_Is_Eventually_Reported()
    {
        var config = NodeConfig.CreateDefault();
        config.HeartbeatSeconds = 3600;
        var gate = new ReportByExceptionGate(config);
        const float DriftPerWindowCelsius = 0.01f;

        var reports = Run(gate, 500, (i, values) =>
            values[(int)FeatureChannel.TemperatureCelsius] = 40f + DriftPerWindowCelsius * i);

        // The window-to-window change (0.01 °C) is a hundredth of the deadband; only the change since the last report
        // crosses it, after a little over 100 windows.
        Assert.True(reports.Count >= 2);
        Assert.Equal(ReportReason.Deadband, reports[1].Reason);
        var windowsToSecondReport = reports[1].AtMilliseconds / WindowMilliseconds;
        Assert.InRange(windowsToSecondReport, 100, 102);
    }

    [Fact]
    public void A_Channel_With_A_Zero_Deadband_Never_Triggers_A_Report()
    {
        var gate = new ReportByExceptionGate(NodeConfig.CreateDefault());
        var values = Steady();
        gate.RecordReport(values, 0);

        values[(int)FeatureChannel.PeakG] = 50f;
        values[(int)FeatureChannel.DominantFrequencyHz] = 400f;

        Assert.False(gate.ShouldReport(values, WindowMilliseconds));
        Assert.Equal(ReportReason.None, gate.Reason);
    }

    [Fact]
    public void A_Missing_Channel_Does_Not_Trigger_But_Its_Return_Does()
    {
        var gate = new ReportByExceptionGate(NodeConfig.CreateDefault());
        var values = Steady();
        values[(int)FeatureChannel.TemperatureCelsius] = float.NaN;
        gate.RecordReport(values, 0);

        Assert.False(gate.ShouldReport(values, WindowMilliseconds));

        values[(int)FeatureChannel.TemperatureCelsius] = 21f;
        Assert.True(gate.ShouldReport(values, 2 * WindowMilliseconds));
        Assert.Equal(FeatureChannel.TemperatureCelsius, gate.DeadbandChannel);
    }

    [Fact]
    public void Without_A_Recorded_Report_The_Gate_Keeps_Asking_For_The_First()
    {
        var gate = new ReportByExceptionGate(NodeConfig.CreateDefault());

        Assert.True(gate.ShouldReport(Steady(), 0));
        Assert.True(gate.ShouldReport(Steady(), WindowMilliseconds));
        Assert.Equal(ReportReason.First, gate.Reason);
    }

    [Fact]
    public void Reset_Makes_The_Next_Window_Report_Again()
    {
        var gate = new ReportByExceptionGate(NodeConfig.CreateDefault());
        gate.RecordReport(Steady(), 0);

        gate.Reset();

        Assert.True(gate.ShouldReport(Steady(), WindowMilliseconds));
        Assert.Equal(ReportReason.First, gate.Reason);
    }

    [Fact]
    public void ShouldReport_And_RecordReport_Allocate_Nothing_In_Steady_State()
    {
        var gate = new ReportByExceptionGate(NodeConfig.CreateDefault());
        var values = Steady();
        gate.ShouldReport(values, 0);
        gate.RecordReport(values, 0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var reports = 0;
        for (var i = 1; i <= 10_000; i++)
        {
            values[(int)FeatureChannel.VelocityRmsMmPerSecond] = 2.0f + i % 4 * 0.1f;
            if (gate.ShouldReport(values, i * WindowMilliseconds))
            {
                gate.RecordReport(values, i * WindowMilliseconds);
                reports++;
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(reports > 0);
    }
}
