using System;
using System.Collections.Generic;
using Retrosense.Node.Configuration;

namespace Retrosense.Node.Core.Tests.Configuration;

public class NodeConfigValidatorTests
{
    private static LimitRule Upper(float warning = 2.8f, float alarm = 4.5f, float hysteresis = 0.2f, int confirm = 3) =>
        new(FeatureChannel.VelocityRmsMmPerSecond, AxisSelector.Max, warning, alarm, hysteresis, confirm, false);

    private static LimitRule Lower(float warning, float alarm) =>
        new(FeatureChannel.TemperatureCelsius, AxisSelector.Max, warning, alarm, 0.5f, 2, true);

    private static BearingGeometry Bearing(int count = 9, float ball = 7.94f, float pitch = 39.04f, float angle = 0f) =>
        new(count, ball, pitch, angle);

    /// <summary>Each case breaks one rule of a valid config; the reason must name this field.</summary>
    private static readonly Dictionary<string, (Action<NodeConfig> Break, string Field)> Cases = new()
    {
        ["sample rate zero"] = (c => c.SampleRateHz = 0f, "SampleRateHz"),
        ["sample rate above 100 kHz"] = (c => c.SampleRateHz = 100001f, "SampleRateHz"),
        ["sample rate NaN"] = (c => c.SampleRateHz = float.NaN, "SampleRateHz"),
        ["window not a power of two"] = (c => c.WindowSamples = 3000, "WindowSamples"),
        ["window too short"] = (c => c.WindowSamples = 128, "WindowSamples"),
        ["window too long"] = (c => c.WindowSamples = 32768, "WindowSamples"),
        ["unknown machine group"] = (c => c.MachineGroup = (MachineGroup)3, "MachineGroup"),
        ["unknown foundation"] = (c => c.Foundation = (Foundation)5, "Foundation"),
        ["velocity band low zero"] = (c => c.VelocityBandLowHz = 0f, "VelocityBandLowHz"),
        ["velocity band inverted"] = (c => c.VelocityBandHighHz = 5f, "VelocityBandHighHz"),
        ["velocity band above Nyquist"] = (c => c.VelocityBandHighHz = 1601f, "Nyquist"),
        ["zone boundaries missing"] = (c => c.ZoneBoundariesMmPerSecond = new float[2], "ZoneBoundariesMmPerSecond"),
        ["zone boundaries not increasing"] = (c => c.ZoneBoundariesMmPerSecond = new[] { 1.4f, 1.4f, 4.5f }, "ZoneBoundariesMmPerSecond"),
        ["zone boundary zero"] = (c => c.ZoneBoundariesMmPerSecond = new[] { 0f, 2.8f, 4.5f }, "ZoneBoundariesMmPerSecond"),
        ["envelope low zero"] = (c => c.EnvelopeBandLowHz = 0f, "EnvelopeBandLowHz"),
        ["envelope low above Nyquist"] = (c => { c.EnvelopeBandLowHz = 1700f; c.EnvelopeBandHighHz = 1800f; }, "EnvelopeBandLowHz"),
        ["envelope inverted"] = (c => c.EnvelopeBandHighHz = 400f, "EnvelopeBandHighHz"),
        ["band name empty"] = (c => c.Bands = new[] { new FrequencyBand(string.Empty, 10f, 20f) }, "Bands[0].Name"),
        ["band name too long"] = (c => c.Bands = new[] { new FrequencyBand("abcdefghijklmnopq", 10f, 20f) }, "Bands[0].Name"),
        ["band name with space"] = (c => c.Bands = new[] { new FrequencyBand("1x", 10f, 20f), new FrequencyBand("a b", 10f, 20f) }, "Bands[1].Name"),
        ["band inverted"] = (c => c.Bands = new[] { new FrequencyBand("b", 30f, 20f) }, "Bands[0]"),
        ["band negative"] = (c => c.Bands = new[] { new FrequencyBand("b", -1f, 20f) }, "Bands[0]"),
        ["band above Nyquist"] = (c => c.Bands = new[] { new FrequencyBand("b", 1000f, 2000f) }, "Nyquist"),
        ["too many bands"] = (c => c.Bands = ManyBands(17), "Bands"),
        ["bands missing"] = (c => c.Bands = null!, "Bands"),
        ["negative shaft speed"] = (c => c.ShaftSpeedRpm = -1f, "ShaftSpeedRpm"),
        ["bearing without shaft speed"] = (c => { c.Bearing = Bearing(); c.ShaftSpeedRpm = 0f; }, "ShaftSpeedRpm"),
        ["bearing without elements"] = (c => c.Bearing = Bearing(count: 0), "Bearing.RollingElementCount"),
        ["bearing ball diameter zero"] = (c => c.Bearing = Bearing(ball: 0f), "Bearing.RollingElementDiameterMm"),
        ["bearing ball larger than pitch"] = (c => c.Bearing = Bearing(ball: 40f), "Bearing.PitchDiameterMm"),
        ["bearing angle 90"] = (c => c.Bearing = Bearing(angle: 90f), "Bearing.ContactAngleDegrees"),
        ["bearing angle negative"] = (c => c.Bearing = Bearing(angle: -1f), "Bearing.ContactAngleDegrees"),
        ["upper limit warning above alarm"] = (c => c.Limits = new[] { Upper(warning: 5f, alarm: 4f) }, "Limits[0]"),
        ["upper limit warning equals alarm"] = (c => c.Limits = new[] { Upper(warning: 4f, alarm: 4f) }, "Limits[0]"),
        ["lower limit warning below alarm"] = (c => c.Limits = new[] { Upper(), Lower(warning: 2f, alarm: 5f) }, "Limits[1]"),
        ["limit hysteresis negative"] = (c => c.Limits = new[] { Upper(hysteresis: -0.1f) }, "Limits[0].Hysteresis"),
        ["limit confirm zero"] = (c => c.Limits = new[] { Upper(confirm: 0) }, "Limits[0].ConfirmWindows"),
        ["limit confirm above 100"] = (c => c.Limits = new[] { Upper(confirm: 101) }, "Limits[0].ConfirmWindows"),
        ["limit level NaN"] = (c => c.Limits = new[] { Upper(warning: float.NaN) }, "Limits[0]"),
        ["limit channel unknown"] = (c => c.Limits = new[] { new LimitRule((FeatureChannel)12, AxisSelector.Max, 1f, 2f, 0f, 1, false) }, "Limits[0].Channel"),
        ["limit axis unknown"] = (c => c.Limits = new[] { new LimitRule(FeatureChannel.RmsG, (AxisSelector)4, 1f, 2f, 0f, 1, false) }, "Limits[0].Axis"),
        ["too many limits"] = (c => c.Limits = ManyLimits(33), "Limits"),
        ["limits missing"] = (c => c.Limits = null!, "Limits"),
        ["deadbands wrong length"] = (c => c.Deadbands = new float[11], "Deadbands"),
        ["deadband negative"] = (c => c.Deadbands[(int)FeatureChannel.Kurtosis] = -0.5f, "Deadbands[4]"),
        ["heartbeat zero"] = (c => c.HeartbeatSeconds = 0, "HeartbeatSeconds"),
        ["heartbeat above a day"] = (c => c.HeartbeatSeconds = 86401, "HeartbeatSeconds"),
        ["status interval too short"] = (c => c.StatusIntervalSeconds = 9, "StatusIntervalSeconds"),
        ["status interval above a day"] = (c => c.StatusIntervalSeconds = 86401, "StatusIntervalSeconds"),
        ["environment sample zero"] = (c => c.EnvironmentSampleSeconds = 0, "EnvironmentSampleSeconds"),
        ["environment sample above an hour"] = (c => c.EnvironmentSampleSeconds = 3601, "EnvironmentSampleSeconds"),
        ["zone confirm zero"] = (c => c.ZoneConfirmWindows = 0, "ZoneConfirmWindows"),
    };

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    private static FrequencyBand[] ManyBands(int count)
    {
        var bands = new FrequencyBand[count];
        for (var i = 0; i < count; i++)
        {
            bands[i] = new FrequencyBand("b" + i, 10f, 20f);
        }

        return bands;
    }

    private static LimitRule[] ManyLimits(int count)
    {
        var limits = new LimitRule[count];
        for (var i = 0; i < count; i++)
        {
            limits[i] = Upper();
        }

        return limits;
    }

    [Fact]
    public void The_Default_Config_Is_Valid()
    {
        Assert.True(NodeConfigValidator.Validate(NodeConfig.CreateDefault(), out var reason), reason);
        Assert.Equal(string.Empty, reason);
    }

    [Fact]
    public void A_Full_Config_At_The_Limits_Of_Every_Range_Is_Valid()
    {
        var config = NodeConfig.CreateDefault();
        config.SampleRateHz = 100000f;
        config.WindowSamples = 16384;
        config.VelocityBandHighHz = 50000f;
        config.Bands = ManyBands(16);
        config.Bands[0] = new FrequencyBand("Aa0._-bcdefghijk", 0f, 50000f);
        config.Bearing = Bearing(angle: 89.9f);
        config.Limits = ManyLimits(32);
        config.Limits[31] = Lower(warning: 5f, alarm: 2f);
        config.HeartbeatSeconds = 86400;
        config.StatusIntervalSeconds = 10;
        config.EnvironmentSampleSeconds = 3600;
        config.ZoneConfirmWindows = 100;

        Assert.True(NodeConfigValidator.Validate(config, out var reason), reason);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_Broken_Field_Is_Rejected_With_A_Reason_Naming_It(string caseName)
    {
        var config = NodeConfig.CreateDefault();
        var (breakIt, field) = Cases[caseName];
        breakIt(config);

        Assert.False(NodeConfigValidator.Validate(config, out var reason));
        Assert.Contains(field, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Reason_Gives_The_Allowed_Range_And_The_Value_Found()
    {
        var config = NodeConfig.CreateDefault();
        config.HeartbeatSeconds = 0;

        NodeConfigValidator.Validate(config, out var reason);

        Assert.Equal("HeartbeatSeconds must be from 1 to 86400 seconds (got 0)", reason);
    }

    [Fact]
    public void The_Nyquist_Reason_Gives_The_Frequency_For_This_Sample_Rate()
    {
        var config = NodeConfig.CreateDefault();
        config.VelocityBandHighHz = 2000f;

        NodeConfigValidator.Validate(config, out var reason);

        Assert.Contains("Nyquist", reason, StringComparison.Ordinal);
        Assert.Contains("1600 Hz", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_The_First_Problem_Is_Reported()
    {
        var config = NodeConfig.CreateDefault();
        config.WindowSamples = 1000;
        config.HeartbeatSeconds = 0;

        NodeConfigValidator.Validate(config, out var reason);

        Assert.Contains("WindowSamples", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("HeartbeatSeconds", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Missing_Config_Is_Rejected()
    {
        Assert.False(NodeConfigValidator.Validate(null!, out var reason));
        Assert.NotEmpty(reason);
    }
}
