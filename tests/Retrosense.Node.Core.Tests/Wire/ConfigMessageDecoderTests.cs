using System;
using System.IO;
using System.Text;
using Retrosense.Node.Configuration;
using Retrosense.Node.Wire;

namespace Retrosense.Node.Core.Tests.Wire;

public class ConfigMessageDecoderTests
{
    [Fact]
    public void Golden_Config_Decodes_To_Every_Field_It_Carries()
    {
        var config = Decode(GoldenMessages.Text("config.json"));

        Assert.Equal(7, config.ConfigVersion);
        Assert.Equal(3200f, config.SampleRateHz);
        Assert.Equal(4096, config.WindowSamples);
        Assert.Equal(MachineGroup.Group2, config.MachineGroup);
        Assert.Equal(Foundation.Rigid, config.Foundation);
        Assert.Equal(1480f, config.ShaftSpeedRpm);
        Assert.Equal(10f, config.VelocityBandLowHz);
        Assert.Equal(1000f, config.VelocityBandHighHz);
        Assert.Equal(new[] { 1.4f, 2.8f, 4.5f }, config.ZoneBoundariesMmPerSecond);
        Assert.Equal(500f, config.EnvelopeBandLowHz);
        Assert.Equal(1400f, config.EnvelopeBandHighHz);
        Assert.Equal(2, config.Bands.Length);
        Assert.Equal("2x", config.Bands[1].Name);
        Assert.Equal(45f, config.Bands[1].LowHz);
        Assert.Equal(55f, config.Bands[1].HighHz);
        Assert.NotNull(config.Bearing);
        Assert.Equal(9, config.Bearing.RollingElementCount);
        Assert.Equal(7.94f, config.Bearing.RollingElementDiameterMm);
        Assert.Equal(39.04f, config.Bearing.PitchDiameterMm);
        Assert.Equal(0f, config.Bearing.ContactAngleDegrees);
        Assert.Equal(2, config.Limits.Length);
        var velocity = config.Limits[0];
        Assert.Equal(FeatureChannel.VelocityRmsMmPerSecond, velocity.Channel);
        Assert.Equal(AxisSelector.Max, velocity.Axis);
        Assert.Equal(4.5f, velocity.WarningLevel);
        Assert.Equal(7.1f, velocity.AlarmLevel);
        Assert.Equal(0.3f, velocity.Hysteresis);
        Assert.Equal(3, velocity.ConfirmWindows);
        Assert.False(velocity.TriggersBelow);
        Assert.Equal(FeatureChannel.TemperatureCelsius, config.Limits[1].Channel);
        Assert.Equal(2.5f, config.Limits[1].Hysteresis);
        Assert.Equal(2f, config.Deadbands[(int)FeatureChannel.RelativeHumidityPercent]);
        Assert.Equal(0.2f, config.Deadbands[(int)FeatureChannel.VelocityRmsMmPerSecond]);
        Assert.Equal(0f, config.Deadbands[(int)FeatureChannel.PressureHectopascals]);
        Assert.Equal(300, config.HeartbeatSeconds);
        Assert.Equal(600, config.StatusIntervalSeconds);
        Assert.Equal(10, config.EnvironmentSampleSeconds);
    }

    [Fact]
    public void Golden_Config_Decodes_And_Encodes_Back_To_The_Same_Bytes()
    {
        var golden = GoldenMessages.Bytes("config.json");
        Assert.True(ConfigMessageDecoder.TryDecode(golden, golden.Length, out var config, out var reason), reason);

        var buffer = new byte[2048];
        var length = new ConfigMessageEncoder().Encode(config!, buffer);

        Assert.Equal(golden, buffer.AsSpan(0, length).ToArray());
    }

    [Fact]
    public void Minimal_Config_Keeps_Every_Default()
    {
        var config = Decode(GoldenMessages.Text("config.minimal.json"));
        var defaults = NodeConfig.CreateDefault();

        Assert.Equal(8, config.ConfigVersion);
        Assert.Equal(defaults.SampleRateHz, config.SampleRateHz);
        Assert.Equal(defaults.WindowSamples, config.WindowSamples);
        Assert.Equal(defaults.MachineGroup, config.MachineGroup);
        Assert.Equal(defaults.ZoneBoundariesMmPerSecond, config.ZoneBoundariesMmPerSecond);
        Assert.Equal(defaults.Deadbands, config.Deadbands);
        Assert.Empty(config.Bands);
        Assert.Empty(config.Limits);
        Assert.Null(config.Bearing);
        Assert.Equal(defaults.HeartbeatSeconds, config.HeartbeatSeconds);
    }

    [Fact]
    public void Without_Zone_Limits_The_Iso_Table_Of_The_Decoded_Group_And_Foundation_Applies()
    {
        var config = Decode("{\"schema\":1,\"kind\":\"config\",\"config_version\":2,\"machine_group\":1,\"foundation\":\"flexible\"}");

        // ISO 10816-3 Table A.2, group 1 on a flexible support: 3.5 / 7.1 / 11 mm/s.
        Assert.Equal(new[] { 3.5f, 7.1f, 11f }, config.ZoneBoundariesMmPerSecond);
    }

    [Fact]
    public void Fields_May_Come_In_Any_Order_With_Whitespace_And_Limit_Defaults_Apply()
    {
        var config = Decode("{ \"limits\" : [ { \"alarm\": 70, \"channel\": \"temp_c\", \"warning\": 60 } ],\n \"config_version\": 3, \"kind\": \"config\", \"schema\": 1, \"bearing\": null }");

        var limit = Assert.Single(config.Limits);
        Assert.Equal(AxisSelector.Max, limit.Axis);
        Assert.Equal(0f, limit.Hysteresis);
        Assert.Equal(1, limit.ConfirmWindows);
        Assert.False(limit.TriggersBelow);
        Assert.Null(config.Bearing);
    }

    [Theory]
    [InlineData("{\"schema\":1,\"kind\":\"telemetry\",\"config_version\":1}", "kind 'telemetry' is not a config message")]
    [InlineData("{\"schema\":2,\"kind\":\"config\",\"config_version\":1}", "schema version 2 is not supported")]
    [InlineData("{\"kind\":\"config\",\"config_version\":1}", "missing field 'schema'")]
    [InlineData("{\"schema\":1,\"config_version\":1}", "missing field 'kind'")]
    [InlineData("{\"schema\":1,\"kind\":\"config\"}", "missing field 'config_version'")]
    [InlineData("[1]", "must be a JSON object")]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,\"window_samples\":\"4096\"}", "field 'window_samples' must be an integer")]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,\"window_samples\":4096.5}", "field 'window_samples' must be an integer")]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,\"heartbeat_s\":99999999999}", "out of range for a 32-bit integer")]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,\"shaft_rpm\":\"1480\"}", "field 'shaft_rpm' must be a number")]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,\"velocity_band_hz\":[10,1000,2000]}", "field 'velocity_band_hz' must be an array of 2 numbers")]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,\"zone_limits_mm_s\":[1.4,2.8]}", "field 'zone_limits_mm_s' must be an array of 3 numbers")]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,\"heartbeat_sec\":60}", "unknown field 'heartbeat_sec'")]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,\"limits\":[{\"channel\":\"vel_rms_mm_s\",\"warning\":1,\"alarm\":2,\"confirms\":3}]}", "unknown field 'limits[0].confirms'")]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,\"limits\":[{\"channel\":\"velocity\",\"warning\":1,\"alarm\":2}]}", "unknown channel 'velocity' in limits[0]")]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,\"limits\":[{\"channel\":\"rms_g\",\"axis\":\"w\",\"warning\":1,\"alarm\":2}]}", "unknown axis 'w' in limits[0]")]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,\"limits\":[{\"channel\":\"rms_g\",\"warning\":1}]}", "'limits[0]' needs channel, warning and alarm")]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,\"limits\":[{\"channel\":\"rms_g\",\"warning\":1,\"alarm\":2,\"below\":\"no\"}]}", "field 'limits[0].below' must be true or false")]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,\"foundation\":\"concrete\"}", "unknown foundation 'concrete'")]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,\"machine_group\":3}", "field 'machine_group' must be 1 or 2")]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,\"deadbands\":{\"vel_rms\":0.2}}", "unknown channel 'vel_rms' in deadbands")]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,\"bands\":[{\"name\":\"1x\",\"low_hz\":20}]}", "'bands[0]' needs name, low_hz and high_hz")]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,\"bands\":[{\"name\":\"1x\",\"low_hz\":20,\"high_hz\":30,\"q\":1}]}", "unknown field 'bands[0].q'")]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,\"bearing\":{\"elements\":9}}", "'bearing' needs elements")]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,\"bearing\":{\"elements\":9.5,\"element_diameter_mm\":7.94,\"pitch_diameter_mm\":39.04,\"contact_angle_deg\":0}}", "field 'bearing.elements' must be an integer")]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,\"config_version\":2}", "duplicate field 'config_version'")]
    public void Rejects_A_Config_With_A_Reason(string json, string expectedReason)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.False(ConfigMessageDecoder.TryDecode(bytes, bytes.Length, out var config, out var reason));
        Assert.Null(config);
        Assert.Contains(expectedReason, reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,}", "malformed JSON: at byte 47: expected a property name")]
    [InlineData("{\"schema\":1 \"kind\":\"config\"}", "malformed JSON: at byte 12: expected ',' or '}'")]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1} trailing", "malformed JSON: at byte 48: unexpected data after the end of the document")]
    [InlineData("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,\"bands\":[[[[[]]]]]}", "malformed JSON: at byte 58: nesting deeper than 4 levels")]
    [InlineData("{\"schema\":7,\"kind\":\"config\",\"config_version\":1", "malformed JSON: at byte 46: unexpected end of input")]
    [InlineData("", "malformed JSON: at byte 0: unexpected end of input")]
    public void Rejects_Malformed_Json_With_The_Byte_Offset(string json, string expectedReason)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.False(ConfigMessageDecoder.TryDecode(bytes, bytes.Length, out _, out var reason));
        Assert.Contains(expectedReason, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_Truncation_Of_The_Golden_Config_Is_Rejected_As_Truncated()
    {
        var golden = GoldenMessages.Bytes("config.json");
        for (var length = 0; length < golden.Length; length++)
        {
            Assert.False(ConfigMessageDecoder.TryDecode(golden, length, out var config, out var reason), "accepted the first " + length + " bytes");
            Assert.Null(config);
            Assert.StartsWith("malformed JSON: at byte ", reason, StringComparison.Ordinal);
        }
    }

    private static NodeConfig Decode(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.True(ConfigMessageDecoder.TryDecode(bytes, bytes.Length, out var config, out var reason), reason);
        Assert.NotNull(config);
        Assert.Equal(string.Empty, reason);
        return config;
    }
}
