using System;
using System.Numerics;
using Iot.Device.Adxl345;
using Retrosense.Node.Host.Sensors.Drivers;
using Retrosense.Node.Host.Sensors.Emulated;
using Retrosense.Node.Host.Simulation;

namespace Retrosense.Node.Host.Tests.Sensors;

/// <summary>The real dotnet/iot Adxl345 driver and our FIFO adapter against the emulated chip.</summary>
public sealed class EmulatedAdxl345Tests
{
    [Theory]
    [InlineData(GravityRange.Range02, 0.5f, -0.25f, 1.0f)]
    [InlineData(GravityRange.Range04, -1.7f, 3.3f, 0.01f)]
    [InlineData(GravityRange.Range08, 7.2f, -6.05f, 1.0f)]
    [InlineData(GravityRange.Range16, -15.5f, 0.123f, 9.87f)]
    public void Driver_Reads_The_Emulated_Acceleration_Within_One_Lsb(GravityRange range, float x, float y, float z)
    {
        using var chip = new EmulatedAdxl345 { StaticAccelerationG = new Vector3(x, y, z) };
        using var driver = new Adxl345(chip, range);

        var acceleration = driver.Acceleration;

        // 10-bit mode: 256 LSB/g at ±2 g, halving with every range step (ADXL345 data sheet Rev. G, Table 1).
        var lsbG = 1f / (256 >> (int)range);
        Assert.InRange(acceleration.X, x - lsbG, x + lsbG);
        Assert.InRange(acceleration.Y, y - lsbG, y + lsbG);
        Assert.InRange(acceleration.Z, z - lsbG, z + lsbG);
    }

    [Fact]
    public void Acceleration_Beyond_The_Range_Saturates_At_Full_Scale()
    {
        using var chip = new EmulatedAdxl345 { StaticAccelerationG = new Vector3(5f, -5f, 0f) };
        using var driver = new Adxl345(chip, GravityRange.Range02);

        var acceleration = driver.Acceleration;

        Assert.Equal(511f / 256f, acceleration.X, 4);
        Assert.Equal(-512f / 256f, acceleration.Y, 4);
    }

    [Fact]
    public void Driver_Initialisation_Sets_The_Range_And_Starts_Measuring()
    {
        using var chip = new EmulatedAdxl345();
        using var driver = new Adxl345(chip, GravityRange.Range08);

        Assert.Equal(0x02, chip.PeekRegister(Adxl345Register.DataFormat) & 0x03);
        Assert.Equal(0x08, chip.PeekRegister(Adxl345Register.PowerControl) & 0x08);
        Assert.Equal(EmulatedAdxl345.DeviceIdValue, chip.PeekRegister(Adxl345Register.DeviceId));
    }

    [Fact]
    public void Adapter_Drains_The_Fifo_At_The_Output_Data_Rate_And_Matches_The_Signal_Within_One_Lsb()
    {
        var clock = SimulatedClock.Manual(DateTimeOffset.UnixEpoch);
        var settings = new MachineModelSettings { Seed = 11 };
        using var chip = new EmulatedAdxl345(new MachineModel(settings), clock);
        using var accelerometer = new Adxl345Accelerometer(chip, GravityRange.Range16, useDrainThread: false);

        var rateHz = accelerometer.Start(3200f);
        clock.Advance(TimeSpan.FromMilliseconds(10));
        var drained = accelerometer.DrainFifo();
        var x = new short[64];
        var y = new short[64];
        var z = new short[64];
        var read = accelerometer.ReadAvailable(x, y, z, 0, 64);

        Assert.Equal(3200f, rateHz);
        Assert.Equal(32, drained);
        Assert.Equal(32, read);

        // The same model, seed and sample times, generated directly: the chip's full-resolution counts are 256 per g.
        var expectedX = new float[32];
        var expectedY = new float[32];
        var expectedZ = new float[32];
        new MachineModel(settings).Fill(0, 3200, expectedX, expectedY, expectedZ);
        for (var i = 0; i < read; i++)
        {
            Assert.InRange(x[i], (expectedX[i] * 256) - 1, (expectedX[i] * 256) + 1);
            Assert.InRange(y[i], (expectedY[i] * 256) - 1, (expectedY[i] * 256) + 1);
            Assert.InRange(z[i], (expectedZ[i] * 256) - 1, (expectedZ[i] * 256) + 1);
        }
    }

    [Fact]
    public void Stream_Mode_Keeps_The_Newest_32_Samples_When_The_Host_Falls_Behind()
    {
        var clock = SimulatedClock.Manual(DateTimeOffset.UnixEpoch);
        using var chip = new EmulatedAdxl345(new MachineModel(new MachineModelSettings()), clock);
        using var accelerometer = new Adxl345Accelerometer(chip, useDrainThread: false);
        accelerometer.Start(3200f);

        clock.Advance(TimeSpan.FromMilliseconds(25));

        Assert.Equal(EmulatedAdxl345.FifoDepth, accelerometer.DrainFifo());
        Assert.Equal(80 - EmulatedAdxl345.FifoDepth, chip.LostSamples);
    }

    [Theory]
    [InlineData(3200f, 15)]
    [InlineData(1600f, 14)]
    [InlineData(1000f, 14)]
    [InlineData(100f, 10)]
    public void Rate_Code_Is_The_Slowest_Output_Data_Rate_That_Reaches_The_Request(float requestedHz, int expectedCode)
    {
        Assert.Equal(expectedCode, Adxl345Accelerometer.RateCodeFor(requestedHz));
    }
}
