using System;
using System.Text;
using Retrosense.Contracts;
using Retrosense.Platform.Ingestion;

namespace Retrosense.Platform.Tests.Ingestion;

/// <summary>One realistic bad message per reject code, checking the code and that the sentence names the problem.</summary>
public class RejectReasonTests
{
    private const string Telemetry = "telemetry.json";

    private static string TelemetryTopic => IngestionTestMessages.TopicFor(Telemetry);

    private static byte[] TelemetryWith(string oldText, string newText)
    {
        var text = IngestionTestMessages.Text(Telemetry);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    private static RejectReason Reject(byte[] payload, string? topic = null) => IngestionTestMessages.DecodeInvalid(topic ?? TelemetryTopic, payload);

    [Fact]
    public void Payload_Over_16_KiB_Is_Rejected_As_Too_Large_Naming_The_Limit()
    {
        var padded = IngestionTestMessages.Text(Telemetry) + new string(' ', NodeMessageDecoder.MaxPayloadBytes);

        var reason = Reject(Encoding.UTF8.GetBytes(padded));

        Assert.Equal(RejectCode.PayloadTooLarge, reason.Code);
        Assert.Contains(NodeMessageDecoder.MaxPayloadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_Payload_Is_Rejected_As_Empty()
    {
        Assert.Equal(RejectCode.EmptyPayload, Reject(Array.Empty<byte>()).Code);
    }

    [Fact]
    public void Firmware_Version_With_A_Broken_Two_Byte_Sequence_Is_Rejected_As_Invalid_Utf8()
    {
        var payload = TelemetryWith("\"fw\":\"0.1.0\"", "\"fw\":\"0.1.0XX\"");
        var index = Encoding.UTF8.GetString(payload).IndexOf("XX", StringComparison.Ordinal);
        payload[index] = 0xC3;
        payload[index + 1] = 0x28;

        var reason = Reject(payload);

        Assert.Equal(RejectCode.InvalidUtf8, reason.Code);
        Assert.Contains("offset " + index, reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Topic_With_An_Extra_Level_Is_Rejected_As_Bad_Topic()
    {
        var reason = Reject(IngestionTestMessages.Payload(Telemetry), TelemetryTopic + "/extra");

        Assert.Equal(RejectCode.BadTopic, reason.Code);
        Assert.Contains("levels", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_On_The_Cloud_To_Node_Config_Topic_Is_Rejected_As_Bad_Topic()
    {
        var topic = TopicPath.Build(IngestionTestMessages.Tenant, IngestionTestMessages.Site, IngestionTestMessages.Asset, "n-001", MessageKind.Config);

        var reason = Reject(IngestionTestMessages.Payload("config.json"), topic);

        Assert.Equal(RejectCode.BadTopic, reason.Code);
        Assert.Contains("cloud → node", reason.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"seq\":42,", "\"seq\":42,,")]
    [InlineData("\"seq\":42,", "/* seq */\"seq\":42,")]
    [InlineData("\"fw\":\"0.1.0\"", "\"fw\":\"0.1.0\\q\"")]
    [InlineData("\"fw\":\"0.1.0\"", "\"fw\":\"\\ud800\"")]
    [InlineData("\"env\":{", "\"env\":{,")]
    public void Syntax_Errors_Comments_And_Bad_Escapes_Are_Rejected_As_Malformed_Json(string oldText, string newText)
    {
        Assert.Equal(RejectCode.MalformedJson, Reject(TelemetryWith(oldText, newText)).Code);
    }

    [Fact]
    public void Truncated_Message_Is_Rejected_As_Malformed_Json()
    {
        var payload = IngestionTestMessages.Payload(Telemetry);

        Assert.Equal(RejectCode.MalformedJson, Reject(payload[..(payload.Length / 2)]).Code);
    }

    [Fact]
    public void Trailing_Data_After_The_Object_Is_Rejected_As_Malformed_Json()
    {
        Assert.Equal(RejectCode.MalformedJson, Reject(Encoding.UTF8.GetBytes(IngestionTestMessages.Text(Telemetry) + "{}")).Code);
    }

    [Fact]
    public void Nesting_Deeper_Than_The_Limit_Is_Rejected_As_Malformed_Json()
    {
        var depth = Retrosense.Platform.Ingestion.Wire.NodeMessageJsonContext.MaxDepth + 1;
        var reason = Reject(TelemetryWith("\"fw\":\"0.1.0\"", "\"fw\":" + new string('[', depth) + new string(']', depth)));

        Assert.Equal(RejectCode.MalformedJson, reason.Code);
        Assert.Contains("depth", reason.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Array_Instead_Of_An_Object_Is_Rejected_As_Wrong_Type()
    {
        Assert.Equal(RejectCode.WrongType, Reject(Encoding.UTF8.GetBytes("[" + IngestionTestMessages.Text(Telemetry) + "]")).Code);
    }

    [Fact]
    public void Message_Of_A_Later_Schema_Version_Is_Rejected_As_Schema_Version()
    {
        var reason = Reject(TelemetryWith("\"schema\":1,", "\"schema\":2,"));

        Assert.Equal(RejectCode.SchemaVersion, reason.Code);
        Assert.Contains("'schema'", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_Payload_On_A_Telemetry_Topic_Is_Rejected_As_Kind_Mismatch()
    {
        var reason = Reject(IngestionTestMessages.Payload("status.json"));

        Assert.Equal(RejectCode.KindMismatch, reason.Code);
        Assert.Contains("'status'", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_Naming_Another_Node_Than_Its_Topic_Is_Rejected_As_Node_Mismatch()
    {
        var reason = Reject(TelemetryWith("\"node\":\"n-001\"", "\"node\":\"n-002\""));

        Assert.Equal(RejectCode.NodeMismatch, reason.Code);
        Assert.Contains("n-002", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_Without_Seq_Is_Rejected_As_Missing_Field_Naming_Seq()
    {
        var reason = Reject(TelemetryWith("\"seq\":42,", string.Empty));

        Assert.Equal(RejectCode.MissingField, reason.Code);
        Assert.Contains("seq", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_Without_Schema_Is_Rejected_As_Missing_Field()
    {
        Assert.Equal(RejectCode.MissingField, Reject(TelemetryWith("\"schema\":1,", string.Empty)).Code);
    }

    [Fact]
    public void Rejected_Config_Ack_Without_Reason_Is_Rejected_As_Missing_Field()
    {
        var text = IngestionTestMessages.Text("config-ack.json");
        var withoutReason = text[..text.IndexOf(",\"reason\"", StringComparison.Ordinal)] + "}";

        var reason = IngestionTestMessages.DecodeInvalid(IngestionTestMessages.TopicFor("config-ack.json"), Encoding.UTF8.GetBytes(withoutReason));

        Assert.Equal(RejectCode.MissingField, reason.Code);
        Assert.Contains("reason", reason.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"seq\":42,", "\"seq\":\"42\",", "seq")]
    [InlineData("\"seq\":42,", "\"seq\":42.5,", "seq")]
    [InlineData("\"boot\":3,", "\"boot\":null,", "boot")]
    [InlineData("\"historical\":false,", "\"historical\":0,", "historical")]
    [InlineData("\"rms_g\":0.123,", "\"rms_g\":\"0.123\",", "rms_g")]
    [InlineData("\"window\":{\"rate_hz\":3200,\"samples\":4096}", "\"window\":[3200,4096]", "window")]
    [InlineData("\"bands_g\":{\"1x\":0.08,\"2x\":0.021}", "\"bands_g\":null", "bands_g")]
    [InlineData("\"rh_pct\":{\"mean\":42,\"min\":40,\"max\":44}", "\"rh_pct\":null", "rh_pct")]
    public void Value_Of_The_Wrong_Json_Type_Is_Rejected_As_Wrong_Type_Naming_The_Field(string oldText, string newText, string field)
    {
        var reason = Reject(TelemetryWith(oldText, newText));

        Assert.Equal(RejectCode.WrongType, reason.Code);
        Assert.Contains(field, reason.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"zone\":\"B\"", "\"zone\":\"E\"", "zone")]
    [InlineData("\"seq\":42,", "\"seq\":-1,", "seq")]
    [InlineData("\"boot\":3,", "\"boot\":-3,", "boot")]
    [InlineData("\"ts\":1764246000123,", "\"ts\":1500000000000,", "ts")]
    [InlineData("\"ts\":1764246000123,", "\"ts\":1800000000000,", "ts")]
    [InlineData("\"time_quality\":\"synced\"", "\"time_quality\":\"gps\"", "time_quality")]
    [InlineData("\"fw\":\"0.1.0\"", "\"fw\":\"\"", "fw")]
    [InlineData("\"rate_hz\":3200,", "\"rate_hz\":0,", "window.rate_hz")]
    [InlineData("\"rms_g\":0.123,", "\"rms_g\":1e400,", "axes.x.rms_g")]
    [InlineData("\"config_version\":7,", "\"config_version\":2147483648,", "config_version")]
    public void Value_Outside_Its_Range_Is_Rejected_As_Out_Of_Range_Naming_The_Field(string oldText, string newText, string field)
    {
        var reason = Reject(TelemetryWith(oldText, newText));

        Assert.Equal(RejectCode.OutOfRange, reason.Code);
        Assert.Contains("'" + field + "'", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Alarm_With_An_Unknown_Channel_Is_Rejected_As_Out_Of_Range()
    {
        var text = IngestionTestMessages.Text("alarm.json").Replace("\"channel\":\"vel_rms_mm_s\"", "\"channel\":\"speed\"", StringComparison.Ordinal);

        var reason = IngestionTestMessages.DecodeInvalid(IngestionTestMessages.TopicFor("alarm.json"), Encoding.UTF8.GetBytes(text));

        Assert.Equal(RejectCode.OutOfRange, reason.Code);
        Assert.Contains("alarm.channel", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_With_A_Positive_Rssi_Is_Rejected_As_Out_Of_Range()
    {
        var text = IngestionTestMessages.Text("status.json").Replace("\"rssi_dbm\":-67", "\"rssi_dbm\":12", StringComparison.Ordinal);

        var reason = IngestionTestMessages.DecodeInvalid(IngestionTestMessages.TopicFor("status.json"), Encoding.UTF8.GetBytes(text));

        Assert.Equal(RejectCode.OutOfRange, reason.Code);
        Assert.Contains("rssi_dbm", reason.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"fw\":\"0.1.0\",", "\"fw\":\"0.1.0\",\"debug\":true,", "debug")]
    [InlineData("\"rms_g\":0.123,", "\"rms_g\":0.123,\"rms_mg\":123,", "rms_mg")]
    [InlineData("\"window\":{\"rate_hz\":3200,", "\"window\":{\"rate_hz\":3200,\"overlap\":0,", "overlap")]
    public void Field_The_Schema_Does_Not_Define_Is_Rejected_As_Unknown_Field_Naming_It(string oldText, string newText, string field)
    {
        var reason = Reject(TelemetryWith(oldText, newText));

        Assert.Equal(RejectCode.UnknownField, reason.Code);
        Assert.Contains(field, reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Limit_Alarm_Carrying_A_Zone_Is_Rejected_As_Unknown_Field()
    {
        var text = IngestionTestMessages.Text("alarm.json").Replace("\"threshold\":4.5}", "\"threshold\":4.5,\"zone\":\"C\"}", StringComparison.Ordinal);

        var reason = IngestionTestMessages.DecodeInvalid(IngestionTestMessages.TopicFor("alarm.json"), Encoding.UTF8.GetBytes(text));

        Assert.Equal(RejectCode.UnknownField, reason.Code);
    }

    [Fact]
    public void Accepted_Config_Ack_With_A_Null_Reason_Is_Rejected_As_Wrong_Type()
    {
        var text = IngestionTestMessages.Text("config-ack.accepted.json").Replace("\"accepted\":true}", "\"accepted\":true,\"reason\":null}", StringComparison.Ordinal);

        var reason = IngestionTestMessages.DecodeInvalid(IngestionTestMessages.TopicFor("config-ack.accepted.json"), Encoding.UTF8.GetBytes(text));

        Assert.Equal(RejectCode.WrongType, reason.Code);
        Assert.Contains("reason", reason.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"seq\":42,", "\"seq\":42,\"seq\":43,")]
    [InlineData("\"1x\":0.08,", "\"1x\":0.08,\"1x\":0.09,")]
    public void Field_Given_Twice_Is_Rejected_As_Duplicate_Field(string oldText, string newText)
    {
        Assert.Equal(RejectCode.DuplicateField, Reject(TelemetryWith(oldText, newText)).Code);
    }

    [Fact]
    public void Null_Topic_Is_Rejected_As_Bad_Topic_Without_Throwing()
    {
        Assert.Equal(RejectCode.BadTopic, Reject(IngestionTestMessages.Payload(Telemetry), topic: string.Empty).Code);
        var accepted = IngestionTestMessages.Decoder().TryDecode(null, IngestionTestMessages.Payload(Telemetry), out _, out var reason);
        Assert.False(accepted);
        Assert.Equal(RejectCode.BadTopic, reason!.Code);
    }
}
