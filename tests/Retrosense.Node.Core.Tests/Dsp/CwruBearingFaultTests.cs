using System;
using System.Collections.Generic;
using System.Linq;
using Retrosense.Node.Dsp;
using Retrosense.Recordings;

namespace Retrosense.Node.Core.Tests.Dsp;

/// <summary>
/// The node's own features on real bearing faults: the CWRU drive-end recordings at 0 hp, 1797 rpm (see
/// /work/shared/data/bearing/README.md), cut into 4096-sample windows at 12 kHz exactly as a node would see them.
/// Thresholds below sit well inside the margins measured on these files (stated in each assertion and in the output).
/// </summary>
public class CwruBearingFaultTests
{
    private const int WindowSamples = 4096;
    private const float SampleRateHz = 12000f;
    private const float ShaftRpm = 1797f;

    // CWRU's bearing resonances lie around 2–5 kHz (Smith & Randall 2015). 1.5–4 kHz sits in them and stays below the
    // roll-off of the 48 → 12 kHz decimation filter applied to Normal_0, so all files are compared over the same band.
    private const float EnvelopeBandLowHz = 1500f;
    private const float EnvelopeBandHighHz = 4000f;

    private readonly ITestOutputHelper _output;

    public CwruBearingFaultTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Inner_Race_Outer_Race_And_Ball_Faults_Stand_Apart_From_Normal_In_The_Nodes_Own_Features()
    {
        var normal = Features("Normal_0");
        var inner = Features("IR007_0").Concat(Features("IR021_0")).ToArray();
        var outer = Features("OR007@6_0").Concat(Features("OR021@6_0")).ToArray();
        var ball = Features("B007_0").Concat(Features("B021_0")).ToArray();

        // Inner race: the envelope at BPFI (5.415 × shaft) — measured ≥ 30× the largest normal window.
        var innerOverNormal = inner.Min(x => x.EnvelopeBpfiG) / normal.Max(x => x.EnvelopeBpfiG);
        _output.WriteLine($"inner race: smallest BPFI envelope / largest normal = {innerOverNormal:F1}");
        Assert.True(innerOverNormal > 10f, $"inner-race BPFI separation {innerOverNormal:F1}×");

        // Outer race: the envelope at BPFO (3.585 × shaft) — measured ≥ 80× the largest normal window.
        var outerOverNormal = outer.Min(x => x.EnvelopeBpfoG) / normal.Max(x => x.EnvelopeBpfoG);
        _output.WriteLine($"outer race: smallest BPFO envelope / largest normal = {outerOverNormal:F1}");
        Assert.True(outerOverNormal > 10f, $"outer-race BPFO separation {outerOverNormal:F1}×");

        // Ball: no clear BSF line (as the dataset README warns), but the envelope RMS rises — measured ≥ 4.5× normal.
        var ballOverNormal = ball.Min(x => x.EnvelopeRmsG) / normal.Max(x => x.EnvelopeRmsG);
        _output.WriteLine($"ball: smallest envelope RMS / largest normal = {ballOverNormal:F2}");
        Assert.True(ballOverNormal > 3f, $"ball envelope RMS separation {ballOverNormal:F2}×");

        // The race is told apart within each window: BPFI dominates BPFO on inner-race windows and the reverse on outer-race.
        var innerRaceRatio = inner.Min(x => x.EnvelopeBpfiG / x.EnvelopeBpfoG);
        var outerRaceRatio = outer.Min(x => x.EnvelopeBpfoG / x.EnvelopeBpfiG);
        _output.WriteLine($"per window: min BPFI/BPFO on inner race = {innerRaceRatio:F2}, min BPFO/BPFI on outer race = {outerRaceRatio:F2}");
        Assert.True(innerRaceRatio > 1.5f, $"inner-race windows BPFI/BPFO {innerRaceRatio:F2}");
        Assert.True(outerRaceRatio > 1.5f, $"outer-race windows BPFO/BPFI {outerRaceRatio:F2}");

        // Kurtosis separates the race faults (impulsive) from normal (near Gaussian), though not the 0.007" ball fault.
        var normalKurtosis = normal.Max(x => x.Kurtosis);
        var raceKurtosis = inner.Concat(outer).Min(x => x.Kurtosis);
        _output.WriteLine($"kurtosis: largest normal {normalKurtosis:F2}, smallest race fault {raceKurtosis:F2}, ball range {ball.Min(x => x.Kurtosis):F2}..{ball.Max(x => x.Kurtosis):F2}");
        Assert.True(normalKurtosis < 3.2f, $"normal kurtosis {normalKurtosis:F2}");
        Assert.True(raceKurtosis > 4f, $"race-fault kurtosis {raceKurtosis:F2}");
    }

    // Features of every complete window of one recording's drive-end channel, reported per file.
    private AxisFeatures[] Features(string name)
    {
        var path = Testing.RepositoryPaths.RequireDataFile("bearing/" + name + ".mat");
        var variable = MatFile.Read(path).Single(v => v.Name.EndsWith("_DE_time", StringComparison.Ordinal));
        var signal = name == "Normal_0" ? DecimateBy4(variable.Data) : variable.Data;

        var config = TestSignals.Config(WindowSamples, SampleRateHz);
        config.ShaftSpeedRpm = ShaftRpm;
        config.Bearing = TestSignals.Skf6205();
        config.EnvelopeBandLowHz = EnvelopeBandLowHz;
        config.EnvelopeBandHighHz = EnvelopeBandHighHz;
        var extractor = new VibrationFeatureExtractor(config);
        var recording = new RecordingWindows(signal, SampleRateHz, WindowSamples);
        var window = new AccelerationWindow(WindowSamples);
        var result = new List<AxisFeatures>();
        for (var index = 0; index < recording.Count; index++)
        {
            recording.Fill(index, window);
            var features = new VibrationFeatures(0);
            extractor.Compute(window, features);
            result.Add(features.X);
        }

        _output.WriteLine(
            $"{name,-10} {result.Count,2} windows: kurtosis {Range(result, x => x.Kurtosis)}, RMS {Range(result, x => x.RmsG)} g, " +
            $"envelope RMS {Range(result, x => x.EnvelopeRmsG)} g, BPFO {Range(result, x => x.EnvelopeBpfoG)} g, " +
            $"BPFI {Range(result, x => x.EnvelopeBpfiG)} g, BSF {Range(result, x => x.EnvelopeBsfG)} g");
        Assert.True(result.Count >= 14, $"{name}: {result.Count} windows");
        return result.ToArray();
    }

    private static string Range(List<AxisFeatures> features, Func<AxisFeatures, float> feature) =>
        $"{features.Min(feature):G3}..{features.Max(feature):G3}";

    // Normal_0 is sampled at 48 kHz (dataset README): low-pass with a 161-tap Blackman-windowed sinc cut at 4.8 kHz
    // (40 % of the new 12 kHz rate; stop band below −70 dB from about 5.6 kHz), then keep every fourth sample.
    private static double[] DecimateBy4(double[] input)
    {
        const int taps = 161;
        const double cutoffCyclesPerSample = 4800.0 / 48000.0;
        var coefficients = new double[taps];
        var sum = 0.0;
        for (var i = 0; i < taps; i++)
        {
            var m = i - ((taps - 1) / 2.0);
            var sinc = m == 0 ? 2.0 * cutoffCyclesPerSample : Math.Sin(2.0 * Math.PI * cutoffCyclesPerSample * m) / (Math.PI * m);
            var blackman = 0.42 - (0.5 * Math.Cos(2.0 * Math.PI * i / (taps - 1))) + (0.08 * Math.Cos(4.0 * Math.PI * i / (taps - 1)));
            coefficients[i] = sinc * blackman;
            sum += coefficients[i];
        }

        var output = new double[(input.Length - taps) / 4];
        for (var n = 0; n < output.Length; n++)
        {
            var accumulator = 0.0;
            for (var i = 0; i < taps; i++)
            {
                accumulator += coefficients[i] * input[(4 * n) + i];
            }

            output[n] = accumulator / sum;
        }

        return output;
    }
}
