using System;
using System.Text;
using Retrosense.Node.Configuration;
using Retrosense.Node.Thresholds;
using Retrosense.Node.Wire;

namespace Retrosense.Node.Core.Tests.Wire;

public class GoldenEncodingTests
{
    private readonly NodeMessageEncoder _encoder = new();
    private readonly byte[] _buffer = new byte[2048];

    [Fact]
    public void Telemetry_Encodes_To_The_Golden_Bytes()
    {
        var length = _encoder.EncodeTelemetry(GoldenMessages.Header(42), 7, GoldenMessages.TelemetryFeatures(), GoldenMessages.TelemetryBands(), IsoZone.B, GoldenMessages.TelemetryEnvironment(), _buffer);

        AssertGolden("telemetry.json", length);
    }

    [Fact]
    public void Historical_Unsynced_Telemetry_Without_Bands_And_With_Partial_Environment_Encodes_To_The_Golden_Bytes()
    {
        var length = _encoder.EncodeTelemetry(GoldenMessages.HistoricalHeader(), 0, GoldenMessages.HistoricalFeatures(), Array.Empty<FrequencyBand>(), IsoZone.A, GoldenMessages.HistoricalEnvironment(), _buffer);

        AssertGolden("telemetry.historical.json", length);
    }

    [Fact]
    public void Limit_Alarm_Raised_Encodes_To_The_Golden_Bytes()
    {
        var alarm = new AlarmMessage
        {
            Source = AlarmSource.Limit,
            Channel = FeatureChannel.VelocityRmsMmPerSecond,
            Axis = AxisSelector.X,
            Severity = AlarmSeverity.Warning,
            State = AlarmState.Raised,
            Value = 5.2f,
            Threshold = 4.5f,
        };

        AssertGolden("alarm.json", _encoder.EncodeAlarm(GoldenMessages.Header(43), alarm, _buffer));
    }

    [Fact]
    public void Zone_Alarm_Carries_Both_Zones_And_Encodes_To_The_Golden_Bytes()
    {
        var alarm = new AlarmMessage
        {
            Source = AlarmSource.Zone,
            Channel = FeatureChannel.VelocityRmsMmPerSecond,
            Axis = AxisSelector.Max,
            Severity = AlarmSeverity.Warning,
            State = AlarmState.Raised,
            Value = 3.1f,
            Threshold = 2.8f,
            Zone = IsoZone.C,
            PreviousZone = IsoZone.B,
        };

        AssertGolden("alarm.zone.json", _encoder.EncodeAlarm(GoldenMessages.Header(44), alarm, _buffer));
    }

    [Fact]
    public void Cleared_Temperature_Alarm_Encodes_To_The_Golden_Bytes()
    {
        var alarm = new AlarmMessage
        {
            Source = AlarmSource.Limit,
            Channel = FeatureChannel.TemperatureCelsius,
            Axis = AxisSelector.Max,
            Severity = AlarmSeverity.Alarm,
            State = AlarmState.Cleared,
            Value = 57.75f,
            Threshold = 70f,
            Zone = IsoZone.D,
        };

        AssertGolden("alarm.cleared.json", _encoder.EncodeAlarm(GoldenMessages.Header(45), alarm, _buffer));
    }

    [Fact]
    public void Status_Encodes_To_The_Golden_Bytes()
    {
        var status = new NodeStatusReport
        {
            ConfigVersion = 7,
            UptimeSeconds = 86400,
            FreeHeapBytes = 41232,
            RssiDbm = -67,
            ResetReason = "power_on",
            QueueDepth = 0,
            QueueCapacity = 256,
            QueueDropped = 0,
            PublishFailures = 2,
        };

        AssertGolden("status.json", _encoder.EncodeStatus(GoldenMessages.Header(46), status, _buffer));
    }

    [Fact]
    public void Birth_With_The_Default_Config_Encodes_To_The_Golden_Bytes()
    {
        AssertGolden("birth.json", _encoder.EncodeBirth(GoldenMessages.Header(1), "esp32", NodeConfig.CreateDefault(), _buffer));
    }

    [Fact]
    public void Death_Is_The_Header_Only_And_Encodes_To_The_Golden_Bytes()
    {
        AssertGolden("death.json", _encoder.EncodeDeath(GoldenMessages.Header(0), _buffer));
    }

    [Fact]
    public void Rejected_Config_Ack_Carries_The_Reason_And_Encodes_To_The_Golden_Bytes()
    {
        var length = _encoder.EncodeConfigAck(GoldenMessages.Header(47), 7, false, "window_samples must be a power of two between 256 and 16384", _buffer);

        AssertGolden("config-ack.json", length);
    }

    [Fact]
    public void Accepted_Config_Ack_Has_No_Reason_And_Encodes_To_The_Golden_Bytes()
    {
        AssertGolden("config-ack.accepted.json", _encoder.EncodeConfigAck(GoldenMessages.Header(48), 8, true, null, _buffer));
    }

    [Fact]
    public void Config_Encodes_To_The_Golden_Bytes()
    {
        var length = new ConfigMessageEncoder().Encode(GoldenMessages.GoldenConfig(), _buffer);

        AssertGolden("config.json", length);
    }

    [Fact]
    public void Encoding_Into_A_Reused_Buffer_Gives_The_Same_Bytes_Twice()
    {
        var first = _encoder.EncodeDeath(GoldenMessages.Header(0), _buffer);
        _encoder.EncodeTelemetry(GoldenMessages.Header(42), 7, GoldenMessages.TelemetryFeatures(), GoldenMessages.TelemetryBands(), IsoZone.B, GoldenMessages.TelemetryEnvironment(), _buffer);
        var second = _encoder.EncodeDeath(GoldenMessages.Header(0), _buffer);

        Assert.Equal(first, second);
        AssertGolden("death.json", second);
    }

    private void AssertGolden(string fileName, int length)
    {
        var expected = GoldenMessages.Bytes(fileName);

        // Strings first for a readable diff, then the bytes themselves.
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(_buffer, 0, length));
        Assert.Equal(expected, _buffer.AsSpan(0, length).ToArray());
    }
}
