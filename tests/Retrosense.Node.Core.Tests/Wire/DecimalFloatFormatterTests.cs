using System;
using System.Globalization;
using System.Text;
using Retrosense.Node.Wire;

namespace Retrosense.Node.Core.Tests.Wire;

public class DecimalFloatFormatterTests
{
    [Theory]
    [InlineData(0f, "0")]
    [InlineData(1f, "1")]
    [InlineData(-1f, "-1")]
    [InlineData(0.1f, "0.1")]
    [InlineData(-2.5f, "-2.5")]
    [InlineData(-0.001f, "-0.001")]
    [InlineData(0.02f, "0.02")]
    [InlineData(7.94f, "7.94")]
    [InlineData(3200f, "3200")]
    [InlineData(1e-7f, "1e-7")]
    [InlineData(-1e-7f, "-1e-7")]
    [InlineData(1.5e-6f, "0.0000015")]
    [InlineData(1e-6f, "0.000001")]
    [InlineData(0.000123456f, "0.000123456")]
    [InlineData(123456.7f, "123457")]
    [InlineData(123456.5f, "123456")]
    [InlineData(123457.5f, "123458")]
    [InlineData(3134445f, "3134440")]
    [InlineData(123456.4f, "123456")]
    [InlineData(0.1234567f, "0.123457")]
    [InlineData(9.999999f, "10")]
    [InlineData(999999.5f, "1000000")]
    [InlineData(123456789f, "123457000")]
    [InlineData(16777217f, "16777200")]
    [InlineData(1e11f, "100000000000")]
    [InlineData(1e12f, "1e12")]
    [InlineData(3.4e38f, "3.4e38")]
    [InlineData(-3.4e38f, "-3.4e38")]
    [InlineData(float.MaxValue, "3.40282e38")]
    [InlineData(1.17549435e-38f, "1.17549e-38")]
    [InlineData(float.Epsilon, "1.4013e-45")]
    [InlineData(float.NaN, "null")]
    [InlineData(float.PositiveInfinity, "null")]
    [InlineData(float.NegativeInfinity, "null")]
    public void Formats_With_Six_Significant_Digits_And_No_Platform_Dependence(float value, string expected)
    {
        Assert.Equal(expected, Format(value));
    }

    [Fact]
    public void Negative_Zero_Is_Written_As_0()
    {
        var negativeZero = BitConverter.Int32BitsToSingle(unchecked((int)0x80000000));
        Assert.True(float.IsNegative(negativeZero));

        Assert.Equal("0", Format(negativeZero));
    }

    [Fact]
    public void Random_Floats_Round_To_The_Nearest_Six_Digit_Decimal()
    {
        // .NET's "E5" is exact (IEEE-correct since .NET Core 3.0), so it is the reference for the rounded value.
        var random = new Random(20261127);
        var bits = new byte[4];
        var checkedCount = 0;
        while (checkedCount < 200_000)
        {
            random.NextBytes(bits);
            var value = BitConverter.ToSingle(bits, 0);
            if (!float.IsFinite(value))
            {
                continue;
            }

            var ours = Format(value);
            var reference = ((double)value).ToString("E5", CultureInfo.InvariantCulture);
            Assert.True(
                double.Parse(ours, CultureInfo.InvariantCulture) == double.Parse(reference, CultureInfo.InvariantCulture),
                $"{value:R}: ours {ours}, exact {reference}");
            Assert.DoesNotContain("+", ours, StringComparison.Ordinal);
            checkedCount++;
        }
    }

    [Fact]
    public void Plain_Notation_Is_Used_From_1e_Minus6_To_Below_1e12()
    {
        Assert.DoesNotContain("e", Format(1.1e-6f), StringComparison.Ordinal);
        Assert.DoesNotContain("e", Format(9.9e11f), StringComparison.Ordinal);
        Assert.Contains("e", Format(9e-7f), StringComparison.Ordinal);
        Assert.Contains("e", Format(1.1e12f), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Number_That_Does_Not_Fit_Writes_Nothing_And_Returns_Minus_One()
    {
        var buffer = new byte[8];
        Array.Fill(buffer, (byte)'#');

        Assert.Equal(-1, DecimalFloatFormatter.Format(-0.00000123456f, buffer, 0));
        Assert.Equal(-1, DecimalFloatFormatter.Format(1.5f, buffer, 6));
        Assert.Equal(-1, DecimalFloatFormatter.Format(float.NaN, buffer, 5));
        Assert.All(buffer, b => Assert.Equal((byte)'#', b));
        Assert.Equal(3, DecimalFloatFormatter.Format(1.5f, buffer, 5));
    }

    [Fact]
    public void No_Output_Is_Longer_Than_MaxLength()
    {
        float[] longest = { -0.00000123456f, -1.23456e-38f, -123456000000f, -1.23456e-45f, float.MinValue };
        foreach (var value in longest)
        {
            Assert.True(Format(value).Length <= DecimalFloatFormatter.MaxLength, Format(value));
        }
    }

    internal static string Format(float value)
    {
        var buffer = new byte[DecimalFloatFormatter.MaxLength];
        var length = DecimalFloatFormatter.Format(value, buffer, 0);
        Assert.True(length > 0);
        return Encoding.ASCII.GetString(buffer, 0, length);
    }
}
