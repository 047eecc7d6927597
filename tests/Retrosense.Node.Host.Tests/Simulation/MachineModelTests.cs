using System;
using Retrosense.Node.Configuration;
using Retrosense.Node.Dsp;
using Retrosense.Node.Host.Simulation;
using Retrosense.Node.Thresholds;

namespace Retrosense.Node.Host.Tests.Simulation;

/// <summary>The machine model through the node core's own feature extractor, as a simulated node would see it.</summary>
public sealed class MachineModelTests
{
    private const float GPerCount = SimulatedAccelerometer.DefaultGPerCount;

    [Fact]
    public void Same_Seed_Gives_The_Same_Signal_And_Another_Seed_Does_Not()
    {
        var first = Generate(new MachineModelSettings { Seed = 5 }, 0, 1024);
        var again = Generate(new MachineModelSettings { Seed = 5 }, 0, 1024);
        var other = Generate(new MachineModelSettings { Seed = 6 }, 0, 1024);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Healthy_Machine_Stays_In_Iso_Zone_A_Or_B()
    {
        var config = ConfigFor(new MachineModelSettings());
        var model = new MachineModel(new MachineModelSettings { Seed = 3 });

        for (var window = 0; window < 8; window++)
        {
            var features = Features(model, config, window * 3600.0);
            var zone = IsoZoneClassifier.Classify(features.MaxVelocityRmsMmPerSecond, config.ZoneBoundariesMmPerSecond);
            Assert.True(zone is IsoZone.A or IsoZone.B, $"window {window}: {features.MaxVelocityRmsMmPerSecond} mm/s is zone {zone}");
        }
    }

    [Fact]
    public void Growing_Outer_Race_Fault_Raises_Envelope_Bpfo_And_Velocity_Rms_Over_Simulated_Days()
    {
        // Onset at day 1 with severity 0.05, growing 0.04 per day: fully developed by about day 25.
        var plan = new FaultPlan([new FaultGrowth(FaultKind.OuterRace, 86400, 0.05, 0.04 / 24)]);
        var settings = new MachineModelSettings { Seed = 9, Faults = plan };
        var config = ConfigFor(settings);
        var model = new MachineModel(settings);
        var days = new[] { 0.5, 5, 10, 15, 20, 25 };
        var envelope = new float[days.Length];
        var velocity = new float[days.Length];

        for (var i = 0; i < days.Length; i++)
        {
            var features = Features(model, config, days[i] * 86400);
            envelope[i] = features.X.EnvelopeBpfoG;
            velocity[i] = features.MaxVelocityRmsMmPerSecond;
        }

        for (var i = 1; i < days.Length; i++)
        {
            Assert.True(envelope[i] > envelope[i - 1], $"EnvelopeBpfoG day {days[i]}: {envelope[i]} after {envelope[i - 1]}");
            Assert.True(velocity[i] > velocity[i - 1], $"velocity RMS day {days[i]}: {velocity[i]} after {velocity[i - 1]}");
        }

        // The envelope line at BPFO grows by an order of magnitude from healthy to developed, and the developed fault's
        // looseness takes overall velocity from zone B into zone C.
        Assert.True(envelope[^1] > 10 * envelope[0], $"EnvelopeBpfoG {envelope[0]} → {envelope[^1]}");
        Assert.Equal(IsoZone.B, IsoZoneClassifier.Classify(velocity[0], config.ZoneBoundariesMmPerSecond));
        Assert.Equal(IsoZone.C, IsoZoneClassifier.Classify(velocity[^1], config.ZoneBoundariesMmPerSecond));
    }

    [Fact]
    public void Outer_Race_Fault_Shows_At_Bpfo_More_Than_At_Bpfi()
    {
        var plan = new FaultPlan([new FaultGrowth(FaultKind.OuterRace, 0, 0.5, 0)]);
        var settings = new MachineModelSettings { Seed = 4, Faults = plan };

        var features = Features(new MachineModel(settings), ConfigFor(settings), 60);

        Assert.True(features.X.EnvelopeBpfoG > 3 * features.X.EnvelopeBpfiG, $"BPFO {features.X.EnvelopeBpfoG} g, BPFI {features.X.EnvelopeBpfiG} g");
    }

    [Fact]
    public void Temperature_Follows_The_Day_And_Rises_With_Wear()
    {
        var healthy = new MachineModel(new MachineModelSettings { TemperatureNoiseCelsius = 0 });
        var worn = new MachineModel(new MachineModelSettings
        {
            TemperatureNoiseCelsius = 0,
            Faults = new FaultPlan([new FaultGrowth(FaultKind.InnerRace, 0, 1, 0)]),
        });

        var afternoon = healthy.ConditionsAt(15 * 3600);
        var night = healthy.ConditionsAt(3 * 3600);

        Assert.True(afternoon.TemperatureCelsius > night.TemperatureCelsius + 6, $"{afternoon.TemperatureCelsius} vs {night.TemperatureCelsius}");
        Assert.True(afternoon.RelativeHumidityPercent < night.RelativeHumidityPercent);
        Assert.Equal(healthy.Settings.WearTemperatureRiseCelsius, worn.ConditionsAt(15 * 3600).TemperatureCelsius - afternoon.TemperatureCelsius, 6);
    }

    private static NodeConfig ConfigFor(MachineModelSettings settings)
    {
        var config = NodeConfig.CreateDefault();
        config.ShaftSpeedRpm = (float)settings.ShaftSpeedRpm;
        config.Bearing = settings.Bearing;
        return config;
    }

    private static VibrationFeatures Features(MachineModel model, NodeConfig config, double startSeconds)
    {
        var n = config.WindowSamples;
        var x = new float[n];
        var y = new float[n];
        var z = new float[n];
        model.Fill(startSeconds, config.SampleRateHz, x, y, z);
        var window = new AccelerationWindow(n) { Count = n, GPerCount = GPerCount, SampleRateHz = config.SampleRateHz };
        for (var i = 0; i < n; i++)
        {
            window.X[i] = (short)MathF.Round(x[i] / GPerCount);
            window.Y[i] = (short)MathF.Round(y[i] / GPerCount);
            window.Z[i] = (short)MathF.Round(z[i] / GPerCount);
        }

        var features = new VibrationFeatures(config.Bands.Length);
        new VibrationFeatureExtractor(config).Compute(window, features);
        return features;
    }

    private static float[] Generate(MachineModelSettings settings, double startSeconds, int count)
    {
        var x = new float[count];
        var y = new float[count];
        var z = new float[count];
        new MachineModel(settings).Fill(startSeconds, 3200, x, y, z);
        return x;
    }
}
