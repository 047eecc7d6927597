using System;
using Retrosense.Node.Dsp;

namespace Retrosense.Node.Core.Tests.Dsp;

public class FloatMathTests
{
    [Fact]
    public void Square_Root_Is_Within_One_Part_Per_Million_From_1e_Minus_12_To_1e12()
    {
        var worst = 0.0;
        for (var exponent = -12.0; exponent <= 12.0; exponent += 0.013)
        {
            var value = (float)Math.Pow(10.0, exponent);
            var expected = Math.Sqrt(value);
            worst = Math.Max(worst, Math.Abs(FloatMath.Sqrt(value) - expected) / expected);
        }

        Assert.True(worst < 1e-6, $"worst relative error {worst:E2}");
        Assert.Equal(0f, FloatMath.Sqrt(0f));
        Assert.Equal(0f, FloatMath.Sqrt(-4f));
        Assert.Equal(3f, FloatMath.Sqrt(9f), 6);
    }

    [Fact]
    public void Sine_And_Cosine_Are_Within_2e_Minus_7_Over_Minus_4_Pi_To_4_Pi()
    {
        var worst = 0.0;
        for (var x = -4.0 * Math.PI; x <= 4.0 * Math.PI; x += 0.0007)
        {
            var argument = (float)x;
            worst = Math.Max(worst, Math.Abs(FloatMath.Sin(argument) - Math.Sin(argument)));
            worst = Math.Max(worst, Math.Abs(FloatMath.Cos(argument) - Math.Cos(argument)));
        }

        Assert.True(worst < 2e-7, $"worst absolute error {worst:E2}");
    }

    [Fact]
    public void Sine_Is_Within_One_Part_Per_Million_Relative_On_The_First_Quarter_Wave()
    {
        var worst = 0.0;
        for (var x = 1e-4; x <= Math.PI / 2.0; x += 0.0003)
        {
            var argument = (float)x;
            var expected = Math.Sin(argument);
            worst = Math.Max(worst, Math.Abs(FloatMath.Sin(argument) - expected) / expected);
        }

        Assert.True(worst < 1e-6, $"worst relative error {worst:E2}");
    }

    [Theory]
    [InlineData(2.5f, 2, 3)]
    [InlineData(-2.5f, -3, -2)]
    [InlineData(4f, 4, 4)]
    [InlineData(-0.1f, -1, 0)]
    public void Floor_And_Ceiling_Round_Towards_Minus_And_Plus_Infinity(float value, int floor, int ceiling)
    {
        Assert.Equal(floor, FloatMath.FloorToInt(value));
        Assert.Equal(ceiling, FloatMath.CeilingToInt(value));
        Assert.Equal(Math.Abs(value), FloatMath.Abs(value));
    }
}
