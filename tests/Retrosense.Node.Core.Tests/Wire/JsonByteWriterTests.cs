using System;
using System.Text;
using System.Text.Json;
using Retrosense.Node.Configuration;
using Retrosense.Node.Thresholds;
using Retrosense.Node.Wire;

namespace Retrosense.Node.Core.Tests.Wire;

public class JsonByteWriterTests
{
    [Fact]
    public void Writes_Nested_Objects_And_Arrays_With_Commas_In_The_Right_Places()
    {
        var writer = new JsonByteWriter();
        var buffer = new byte[128];
        writer.Start(buffer);
        writer.BeginObject();
        writer.Property("a", 1L);
        writer.PropertyName("b");
        writer.BeginArray();
        writer.NumberValue(1.5f);
        writer.BooleanValue(true);
        writer.NullValue();
        writer.BeginObject();
        writer.EndObject();
        writer.BeginArray();
        writer.EndArray();
        writer.EndArray();
        writer.Property("c", "x");
        writer.Property("d", false);
        writer.EndObject();

        Assert.False(writer.HasOverflowed);
        Assert.Equal("{\"a\":1,\"b\":[1.5,true,null,{},[]],\"c\":\"x\",\"d\":false}", Encoding.UTF8.GetString(buffer, 0, writer.Length));
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(-67L, "-67")]
    [InlineData(1764246000123L, "1764246000123")]
    [InlineData(long.MaxValue, "9223372036854775807")]
    [InlineData(long.MinValue, "-9223372036854775808")]
    public void Writes_Integers_Exactly(long value, string expected)
    {
        Assert.Equal(expected, WriteOne(w => w.NumberValue(value)));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("quote \" backslash \\ slash /", "\"quote \\\" backslash \\\\ slash /\"")]
    [InlineData("line\nreturn\rtab\tback\bfeed\f", "\"line\\nreturn\\rtab\\tback\\bfeed\\f\"")]
    [InlineData("nul\u0000unit\u001f", "\"nul\\u0000unit\\u001f\"")]
    public void Escapes_Quotes_Backslashes_And_Control_Characters(string value, string expected)
    {
        Assert.Equal(expected, WriteOne(w => w.StringValue(value)));
    }

    [Theory]
    [InlineData("진동 경보: 베어링 외륜")]
    [InlineData("température élevée")]
    [InlineData("pump 🔧 needs grease 🛢️")]
    [InlineData("mixed 한글 + emoji 😀 + \"quotes\"\n")]
    public void Writes_Non_Ascii_As_UTF8_That_Decodes_Back_To_The_Same_Text(string value)
    {
        var json = WriteOne(w => w.StringValue(value));

        Assert.Equal(value, JsonDocument.Parse(json).RootElement.GetString());
        if (!value.Contains('"', StringComparison.Ordinal) && !value.Contains('\n', StringComparison.Ordinal))
        {
            Assert.Equal("\"" + value + "\"", json);
        }
    }

    [Fact]
    public void Writes_An_Emoji_As_One_Four_Byte_UTF8_Sequence()
    {
        var buffer = new byte[16];
        var writer = new JsonByteWriter();
        writer.Start(buffer);
        writer.StringValue("🔧");

        Assert.Equal(new byte[] { 0x22, 0xF0, 0x9F, 0x94, 0xA7, 0x22 }, buffer.AsSpan(0, writer.Length).ToArray());
    }

    [Fact]
    public void Writes_A_Lone_Surrogate_As_The_Replacement_Character()
    {
        var buffer = new byte[16];
        var writer = new JsonByteWriter();
        writer.Start(buffer);
        writer.StringValue("a\uD83Db");

        Assert.Equal(new byte[] { 0x22, (byte)'a', 0xEF, 0xBF, 0xBD, (byte)'b', 0x22 }, buffer.AsSpan(0, writer.Length).ToArray());
    }

    [Fact]
    public void Writes_Non_Finite_Floats_As_Null()
    {
        Assert.Equal("[null,null,null]", WriteOne(w =>
        {
            w.BeginArray();
            w.NumberValue(float.NaN);
            w.NumberValue(float.PositiveInfinity);
            w.NumberValue(float.NegativeInfinity);
            w.EndArray();
        }));
    }

    [Fact]
    public void Reports_Overflow_Instead_Of_Ending_Silently()
    {
        var writer = new JsonByteWriter();
        writer.Start(new byte[5]);
        writer.BeginObject();
        writer.Property("long_name", 1L);
        writer.EndObject();

        Assert.True(writer.HasOverflowed);
        Assert.True(writer.Length <= 5);
    }

    [Fact]
    public void Every_Too_Small_Buffer_Makes_The_Encoder_Throw_And_The_Exact_Size_Succeeds()
    {
        var encoder = new NodeMessageEncoder();
        var header = GoldenMessages.Header(42);
        var features = GoldenMessages.TelemetryFeatures();
        var bands = GoldenMessages.TelemetryBands();
        var environment = GoldenMessages.TelemetryEnvironment();
        var needed = encoder.EncodeTelemetry(header, 7, features, bands, IsoZone.B, environment, new byte[4096]);

        for (var size = 0; size < needed; size++)
        {
            var exception = Assert.Throws<MessageBufferTooSmallException>(() => encoder.EncodeTelemetry(header, 7, features, bands, IsoZone.B, environment, new byte[size]));
            Assert.Equal("telemetry", exception.Kind);
            Assert.Contains(size + " bytes", exception.Message, StringComparison.Ordinal);
        }

        Assert.Equal(needed, encoder.EncodeTelemetry(header, 7, features, bands, IsoZone.B, environment, new byte[needed]));
    }

    [Fact]
    public void Config_Encoder_Reports_A_Too_Small_Buffer()
    {
        var exception = Assert.Throws<MessageBufferTooSmallException>(() => new ConfigMessageEncoder().Encode(NodeConfig.CreateDefault(), new byte[100]));

        Assert.Equal("config", exception.Kind);
    }

    [Fact]
    public void Wire_Names_Map_Every_Channel_Both_Ways()
    {
        for (var i = 0; i < FeatureChannels.Count; i++)
        {
            var channel = (FeatureChannel)i;
            var name = WireNames.Channel(channel);

            Assert.True(WireNames.TryParseChannel(name, out var parsed), name);
            Assert.Equal(channel, parsed);
        }

        Assert.False(WireNames.TryParseChannel("RmsG", out _));
        Assert.False(WireNames.TryParseChannel("env_bpfo_g", out _));
    }

    private static string WriteOne(Action<JsonByteWriter> write)
    {
        var buffer = new byte[256];
        var writer = new JsonByteWriter();
        writer.Start(buffer);
        write(writer);
        Assert.False(writer.HasOverflowed);
        return Encoding.UTF8.GetString(buffer, 0, writer.Length);
    }
}
