using System;
using System.Linq;
using Retrosense.Node.Dsp;

namespace Retrosense.Recordings.Tests;

public sealed class RecordingWindowsTests
{
    [Fact]
    public void Largest_Sample_Maps_To_Full_Scale_Counts()
    {
        var signal = new[] { 0.1, -2.0, 0.5, 1.0 };
        var windows = new RecordingWindows(signal, 1000f, 4);
        var window = new AccelerationWindow(4);

        windows.Fill(0, window);

        Assert.Equal((float)(2.0 / RecordingWindows.FullScaleCounts), windows.GPerCount);
        Assert.Equal(-RecordingWindows.FullScaleCounts, window.X[1]);
        Assert.Equal(RecordingWindows.FullScaleCounts / 2, window.X[3]);
        Assert.Equal(1600, window.X[0]);
    }

    [Fact]
    public void Windows_Are_Consecutive_And_The_Short_Tail_Is_Dropped()
    {
        var signal = Enumerable.Range(0, 10).Select(i => i / 10.0).ToArray();
        var windows = new RecordingWindows(signal, 100f, 4);
        var window = new AccelerationWindow(4);

        windows.Fill(1, window);

        Assert.Equal(2, windows.Count);
        Assert.Equal(0.04, windows.StartSeconds(1), 12);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(signal[4 + i], window.X[i] * window.GPerCount, 4);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => windows.Fill(2, window));
    }

    [Fact]
    public void Filled_Window_Has_Zero_Y_And_Z_And_Carries_Count_Scale_And_Rate()
    {
        var windows = new RecordingWindows([1, 2, 3, 4], 12_000f, 4);
        var window = new AccelerationWindow(4);
        window.Y[2] = 99;
        window.Z[3] = -99;

        windows.Fill(0, window);

        Assert.All(window.Y, count => Assert.Equal(0, count));
        Assert.All(window.Z, count => Assert.Equal(0, count));
        Assert.Equal(4, window.Count);
        Assert.Equal(windows.GPerCount, window.GPerCount);
        Assert.Equal(12_000f, window.SampleRateHz);
    }

    [Fact]
    public void Quantisation_Error_Is_At_Most_Half_A_Count()
    {
        var signal = Enumerable.Range(0, 256).Select(i => 0.7 * Math.Sin(i * 0.37) + 0.01 * Math.Cos(i * 3.1)).ToArray();
        var windows = new RecordingWindows(signal, 1000f, 256);
        var window = new AccelerationWindow(256);

        windows.Fill(0, window);

        for (var i = 0; i < signal.Length; i++)
        {
            Assert.InRange(Math.Abs((window.X[i] * (double)window.GPerCount) - signal[i]), 0.0, (window.GPerCount * 0.5) + 1e-9);
        }
    }

    [Fact]
    public void All_Zero_Signal_Gives_Zero_Counts_And_A_Valid_Scale()
    {
        var windows = new RecordingWindows(new double[8], 100f, 8);
        var window = new AccelerationWindow(8);

        windows.Fill(0, window);

        Assert.True(windows.GPerCount > 0f);
        Assert.All(window.X, count => Assert.Equal(0, count));
    }
}
