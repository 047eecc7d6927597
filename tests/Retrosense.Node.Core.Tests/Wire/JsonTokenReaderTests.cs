using System;
using System.Collections.Generic;
using System.Text;
using Retrosense.Node.Wire;

namespace Retrosense.Node.Core.Tests.Wire;

public class JsonTokenReaderTests
{
    [Fact]
    public void Reads_Every_Token_Of_A_Document_In_Order()
    {
        var reader = Reader(" {\"a\" : [1, -2.5, \"x\", true, false, null, {}, []], \"b\":{\"c\":0}} ");
        var tokens = new List<string>();
        while (reader.Read())
        {
            tokens.Add(reader.TokenType + (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String ? ":" + reader.StringValue : string.Empty) + "@" + reader.Depth);
        }

        Assert.Null(reader.Error);
        Assert.Equal(
            new[]
            {
                "StartObject@1", "PropertyName:a@1", "StartArray@2", "Number@2", "Number@2", "String:x@2", "True@2", "False@2",
                "Null@2", "StartObject@3", "EndObject@2", "StartArray@3", "EndArray@2", "EndArray@1", "PropertyName:b@1",
                "StartObject@2", "PropertyName:c@2", "Number@2", "EndObject@1", "EndObject@0",
            },
            tokens);
    }

    [Theory]
    [InlineData("3200", 3200f, true, 3200L)]
    [InlineData("-67", -67f, true, -67L)]
    [InlineData("0", 0f, true, 0L)]
    [InlineData("7.94", 7.94f, false, 0L)]
    [InlineData("0.02", 0.02f, false, 0L)]
    [InlineData("-0.5", -0.5f, false, 0L)]
    [InlineData("1e3", 1000f, false, 0L)]
    [InlineData("2.5E-3", 0.0025f, false, 0L)]
    [InlineData("39.04", 39.04f, false, 0L)]
    [InlineData("1764246000123", 1764246000123f, true, 1764246000123L)]
    [InlineData("3.4e38", 3.4e38f, false, 0L)]
    [InlineData("1e-50", 0f, false, 0L)]
    public void Parses_Numbers_By_Hand_To_The_Nearest_Float_And_Integers_Exactly(string json, float expected, bool isInteger, long expectedLong)
    {
        var reader = Reader(json);

        Assert.True(reader.Read(), reader.Error);
        Assert.Equal(JsonTokenType.Number, reader.TokenType);
        Assert.Equal(expected, reader.FloatValue);
        Assert.Equal(isInteger, reader.IsInteger);
        if (isInteger)
        {
            Assert.Equal(expectedLong, reader.LongValue);
        }
    }

    [Fact]
    public void Numbers_The_Node_Writes_Read_Back_To_The_Same_Six_Digit_Value()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var value = (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-6, 12)));
            var text = DecimalFloatFormatterTests.Format(value);
            var reader = Reader(text);

            Assert.True(reader.Read(), reader.Error);
            Assert.Equal(float.Parse(text, System.Globalization.CultureInfo.InvariantCulture), reader.FloatValue);
        }
    }

    [Fact]
    public void Random_Decimal_Texts_Parse_To_The_Same_Float_As_Dotnet()
    {
        // float.Parse is correctly rounded since .NET Core 3.0: the reference for the nearest float.
        var random = new Random(11);
        for (var i = 0; i < 50_000; i++)
        {
            var digits = random.NextInt64(1, 10_000_000_000L).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var point = random.Next(0, digits.Length);
            var text = (random.Next(2) == 0 ? "-" : string.Empty) + digits[..(digits.Length - point)] + (point > 0 ? "." + digits[^point..] : string.Empty) + "e" + random.Next(-30, 30);
            var expected = float.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            if (!float.IsNormal(expected))
            {
                continue;
            }

            var reader = Reader(text);
            Assert.True(reader.Read(), reader.Error);
            Assert.True(expected == reader.FloatValue, $"{text}: expected {expected:R}, read {reader.FloatValue:R}");
        }
    }

    [Theory]
    [InlineData("\"a\\\"b\\\\c\\/d\"", "a\"b\\c/d")]
    [InlineData("\"\\b\\f\\n\\r\\t\"", "\b\f\n\r\t")]
    [InlineData("\"\\u00e9\\u00C9\"", "éÉ")]
    [InlineData("\"\\ud83d\\udd27\"", "🔧")]
    [InlineData("\"진동 경보 🔧\"", "진동 경보 🔧")]
    public void Decodes_Escapes_And_UTF8_In_Strings(string json, string expected)
    {
        var reader = Reader(json);

        Assert.True(reader.Read(), reader.Error);
        Assert.Equal(JsonTokenType.String, reader.TokenType);
        Assert.Equal(expected, reader.StringValue);
    }

    [Fact]
    public void Strings_The_Writer_Escapes_Read_Back_Unchanged()
    {
        var writer = new JsonByteWriter();
        var buffer = new byte[256];
        var text = "quote \" back \\ nl \n ctrl \u0001 한글 😀 end";
        writer.Start(buffer);
        writer.StringValue(text);
        var reader = new JsonTokenReader(buffer, writer.Length);

        Assert.True(reader.Read(), reader.Error);
        Assert.Equal(text, reader.StringValue);
    }

    [Theory]
    [InlineData("{\"a\":1,}", 7, "expected a property name")]
    [InlineData("{\"a\" 1}", 5, "expected ':' after property name")]
    [InlineData("{\"a\":1 \"b\":2}", 7, "expected ',' or '}'")]
    [InlineData("[1 2]", 3, "expected ',' or ']'")]
    [InlineData("{\"a\":tru}", 5, "invalid literal")]
    [InlineData("{\"a\":01}", 5, "leading zero")]
    [InlineData("{\"a\":1.}", 5, "no digits after the decimal point")]
    [InlineData("{\"a\":-}", 5, "number without digits")]
    [InlineData("{\"a\":1e}", 5, "empty exponent")]
    [InlineData("{\"a\":\"x\\q\"}", 7, "invalid escape")]
    [InlineData("{\"a\":\"\\u12g4\"}", 10, "invalid hex digit")]
    [InlineData("{\"a\":'x'}", 5, "expected a value")]
    [InlineData("{} {}", 3, "unexpected data after the end of the document")]
    [InlineData("{\"a\":1", 6, "unexpected end of input")]
    [InlineData("{\"a\":\"abc", 5, "unterminated string")]
    [InlineData("", 0, "unexpected end of input")]
    [InlineData("{\"a\":1e39}", 5, "out of float range")]
    public void Reports_Malformed_Json_With_The_Byte_Offset(string json, int offset, string message)
    {
        var reader = Reader(json);
        while (reader.Read())
        {
        }

        Assert.NotNull(reader.Error);
        Assert.Equal(offset, reader.ErrorOffset);
        Assert.StartsWith("at byte " + offset + ": ", reader.Error, StringComparison.Ordinal);
        Assert.Contains(message, reader.Error, StringComparison.Ordinal);
        Assert.False(reader.Read());
    }

    [Fact]
    public void Rejects_Raw_Control_Characters_And_Invalid_UTF8_In_Strings()
    {
        Assert.Contains("control character", ErrorOf(new byte[] { (byte)'"', (byte)'a', 0x0A, (byte)'"' }), StringComparison.Ordinal);
        Assert.Contains("invalid UTF-8", ErrorOf(new byte[] { (byte)'"', 0xFF, (byte)'"' }), StringComparison.Ordinal);
        Assert.Contains("invalid UTF-8", ErrorOf(new byte[] { (byte)'"', 0xC0, 0x80, (byte)'"' }), StringComparison.Ordinal);
        Assert.Contains("invalid UTF-8", ErrorOf(new byte[] { (byte)'"', 0xED, 0xA0, 0x80, (byte)'"' }), StringComparison.Ordinal);
        Assert.Contains("truncated UTF-8", ErrorOf(new byte[] { (byte)'"', 0xE2, 0x82 }), StringComparison.Ordinal);
    }

    [Fact]
    public void Stops_At_The_Nesting_Limit()
    {
        var reader = Reader("[[[[[[[[[1]]]]]]]]]", maxDepth: 8);
        while (reader.Read())
        {
        }

        Assert.Equal(8, reader.ErrorOffset);
        Assert.Contains("nesting deeper than 8 levels", reader.Error, StringComparison.Ordinal);
        Assert.True(Completes(Reader("[[[[[[[[1]]]]]]]]", maxDepth: 8)));
    }

    [Fact]
    public void Reads_Only_The_Given_Length_Of_The_Buffer()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"a\":1}garbage");
        var reader = new JsonTokenReader(bytes, 7);

        Assert.True(Completes(reader));
    }

    [Fact]
    public void Skip_Passes_Over_A_Whole_Value()
    {
        var reader = Reader("{\"skip\":{\"x\":[1,{\"y\":2}]},\"keep\":3}");
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.Equal("skip", reader.StringValue);

        Assert.True(reader.Skip());
        Assert.True(reader.Read());

        Assert.Equal("keep", reader.StringValue);
    }

    private static bool Completes(JsonTokenReader reader)
    {
        while (reader.Read())
        {
        }

        return reader.Error is null;
    }

    private static string ErrorOf(byte[] bytes)
    {
        var reader = new JsonTokenReader(bytes, bytes.Length);
        while (reader.Read())
        {
        }

        return reader.Error ?? string.Empty;
    }

    private static JsonTokenReader Reader(string json, int maxDepth = JsonTokenReader.DefaultMaxDepth)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return new JsonTokenReader(bytes, bytes.Length, maxDepth);
    }
}
