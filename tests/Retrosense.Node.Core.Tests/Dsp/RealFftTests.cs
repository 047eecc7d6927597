using System;
using Retrosense.Node.Dsp;

namespace Retrosense.Node.Core.Tests.Dsp;

public class RealFftTests
{
    [Fact]
    public void Quarter_Wave_Table_Gives_Sine_And_Cosine_Of_Every_Step()
    {
        const int size = 1024;
        var fft = new RealFft(size);
        for (var k = -size; k < 2 * size; k++)
        {
            var angle = 2.0 * Math.PI * k / size;
            Assert.True(Math.Abs(fft.SinOfStep(k) - Math.Sin(angle)) < 2e-7, $"sin step {k}");
            Assert.True(Math.Abs(fft.CosOfStep(k) - Math.Cos(angle)) < 2e-7, $"cos step {k}");
        }

        Assert.Equal(((size / 4) + 1) * 4, fft.TableBytes);
    }

    [Theory]
    [InlineData(4096, 4096)]
    [InlineData(4096, 256)]
    [InlineData(64, 8)]
    [InlineData(64, 4)]
    public void Real_Transform_Matches_A_Direct_Dft(int tableSize, int length)
    {
        var fft = new RealFft(tableSize);
        var random = new Random(7);
        var signal = new double[length];
        var data = new float[tableSize];
        for (var i = 0; i < length; i++)
        {
            signal[i] = (random.NextDouble() * 2.0) - 1.0;
            data[i] = (float)signal[i];
        }

        fft.ForwardReal(data, length);

        var worst = 0.0;
        for (var k = 0; k <= length / 2; k++)
        {
            Dft(signal, k, out var re, out var im);
            double gotRe;
            double gotIm;
            if (k == 0)
            {
                gotRe = data[0];
                gotIm = 0.0;
            }
            else if (k == length / 2)
            {
                gotRe = data[1];
                gotIm = 0.0;
            }
            else
            {
                gotRe = data[2 * k];
                gotIm = data[(2 * k) + 1];
            }

            worst = Math.Max(worst, Math.Max(Math.Abs(gotRe - re), Math.Abs(gotIm - im)));
        }

        // Random ±1 samples give bins of size ~√length; float rounding grows as log2(length).
        Assert.True(worst < 1e-5 * length, $"worst bin error {worst:E2} for length {length}");
    }

    [Fact]
    public void Complex_Inverse_Undoes_Forward_Up_To_The_Length()
    {
        const int count = 512;
        var fft = new RealFft(2 * count);
        var random = new Random(11);
        var original = new float[2 * count];
        for (var i = 0; i < original.Length; i++)
        {
            original[i] = (float)((random.NextDouble() * 2.0) - 1.0);
        }

        var data = (float[])original.Clone();
        fft.ForwardComplex(data, count);
        fft.InverseComplex(data, count);
        for (var i = 0; i < data.Length; i++)
        {
            Assert.True(Math.Abs((data[i] / count) - original[i]) < 1e-5, $"element {i}");
        }
    }

    [Fact]
    public void Complex_Forward_Puts_A_Complex_Exponential_In_Its_Bin()
    {
        const int count = 256;
        const int bin = 37;
        var fft = new RealFft(4096);
        var data = new float[2 * count];
        for (var n = 0; n < count; n++)
        {
            data[2 * n] = (float)Math.Cos(2.0 * Math.PI * bin * n / count);
            data[(2 * n) + 1] = (float)Math.Sin(2.0 * Math.PI * bin * n / count);
        }

        fft.ForwardComplex(data, count);
        Assert.Equal(count, data[2 * bin], 3);
        Assert.Equal(0f, data[(2 * bin) + 1], 3);
        Assert.Equal(0f, data[2 * (bin + 1)], 3);
    }

    [Fact]
    public void Sizes_That_Are_Not_Powers_Of_Two_Are_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RealFft(1000));
        var fft = new RealFft(64);
        Assert.Throws<ArgumentOutOfRangeException>(() => fft.ForwardReal(new float[64], 48));
        Assert.Throws<ArgumentOutOfRangeException>(() => fft.InverseComplex(new float[128], 64));
    }

    private static void Dft(double[] signal, int k, out double re, out double im)
    {
        re = 0.0;
        im = 0.0;
        for (var n = 0; n < signal.Length; n++)
        {
            var angle = -2.0 * Math.PI * k * n / signal.Length;
            re += signal[n] * Math.Cos(angle);
            im += signal[n] * Math.Sin(angle);
        }
    }
}
