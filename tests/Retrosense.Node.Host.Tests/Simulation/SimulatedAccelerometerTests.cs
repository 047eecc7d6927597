using System;
using Retrosense.Node.Host.Simulation;

namespace Retrosense.Node.Host.Tests.Simulation;

public sealed class SimulatedAccelerometerTests
{
    [Fact]
    public void Delivers_Samples_At_The_Simulated_Clocks_Pace()
    {
        var clock = SimulatedClock.Manual(DateTimeOffset.UnixEpoch);
        var accelerometer = new SimulatedAccelerometer(new MachineModel(new MachineModelSettings()), clock);
        var x = new short[10000];
        var y = new short[10000];
        var z = new short[10000];

        Assert.Equal(1600f, accelerometer.Start(1600f));
        Assert.Equal(0, accelerometer.ReadAvailable(x, y, z, 0, x.Length));
        clock.Advance(TimeSpan.FromMilliseconds(250));
        var first = accelerometer.ReadAvailable(x, y, z, 0, 300);
        var rest = accelerometer.ReadAvailable(x, y, z, first, x.Length - first);

        Assert.Equal(300, first);
        Assert.Equal(100, rest);
        Assert.Equal(0, accelerometer.ReadAvailable(x, y, z, 0, x.Length));
    }

    [Fact]
    public void Samples_Are_The_Sources_Signal_In_Counts()
    {
        var clock = SimulatedClock.Manual(DateTimeOffset.UnixEpoch);
        var settings = new MachineModelSettings { Seed = 21 };
        var accelerometer = new SimulatedAccelerometer(new MachineModel(settings), clock);
        var x = new short[512];
        var y = new short[512];
        var z = new short[512];
        accelerometer.Start(3200f);
        clock.Advance(TimeSpan.FromMilliseconds(160));

        var count = accelerometer.ReadAvailable(x, y, z, 0, 512);
        var expectedX = new float[512];
        var expectedY = new float[512];
        var expectedZ = new float[512];
        new MachineModel(settings).Fill(0, 3200, expectedX, expectedY, expectedZ);

        Assert.Equal(512, count);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal((short)MathF.Round(expectedY[i] / accelerometer.GPerCount), y[i]);
        }
    }

    [Fact]
    public void A_Node_That_Falls_Behind_Loses_The_Oldest_Samples_As_A_Fifo_Overrun()
    {
        var clock = SimulatedClock.Manual(DateTimeOffset.UnixEpoch);
        var accelerometer = new SimulatedAccelerometer(new MachineModel(new MachineModelSettings()), clock, fifoCapacitySamples: 1000);
        var x = new short[5000];
        var y = new short[5000];
        var z = new short[5000];
        accelerometer.Start(1000f);

        clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(1000, accelerometer.ReadAvailable(x, y, z, 0, x.Length));
        Assert.Equal(2000, accelerometer.OverrunSamples);
    }

    [Fact]
    public void Time_Scaled_Clock_Runs_Faster_Than_Real_Time()
    {
        var clock = new SimulatedClock(DateTimeOffset.UnixEpoch, 1000);
        var start = clock.MonotonicMilliseconds;

        System.Threading.Thread.Sleep(50);

        // 50 ms of real time at 1000× is 50 s of simulated time (at least; sleeping may overshoot).
        Assert.True(clock.MonotonicMilliseconds - start >= 50_000, $"{clock.MonotonicMilliseconds - start} ms");
        Assert.InRange(clock.UtcNowMilliseconds - clock.MonotonicMilliseconds, -1000, 1000);
        Assert.True(clock.IsSynchronized);
    }

    [Fact]
    public void Environment_Sensor_Reads_The_Source_At_The_Clocks_Time()
    {
        var clock = SimulatedClock.Manual(DateTimeOffset.UnixEpoch);
        var model = new MachineModel(new MachineModelSettings { TemperatureNoiseCelsius = 0, HumidityNoisePercent = 0, PressureNoiseHectopascals = 0 });
        var sensor = new SimulatedEnvironmentSensor(model, clock);
        clock.Advance(TimeSpan.FromHours(15));

        Assert.True(sensor.TryRead(out var celsius, out var humidity, out var hectopascals));
        var expected = model.ConditionsAt(15 * 3600);
        Assert.Equal((float)expected.TemperatureCelsius, celsius);
        Assert.Equal((float)expected.RelativeHumidityPercent, humidity);
        Assert.Equal((float)expected.PressureHectopascals, hectopascals);

        sensor.IsResponding = false;
        Assert.False(sensor.TryRead(out _, out _, out _));
    }
}
