using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.PowerMode;
using Retrosense.Node.Host.Sensors.Drivers;
using Retrosense.Node.Host.Sensors.Emulated;
using Retrosense.Node.Host.Simulation;

namespace Retrosense.Node.Host.Tests.Sensors;

/// <summary>
/// The real dotnet/iot Bme280 driver against the emulated chip. Tolerances are the BME280's output resolutions (Bosch
/// BME280 data sheet BST-BME280-DS002, Table 1 and Table 2): temperature 0.01 °C, humidity 0.008 %RH, pressure 0.18 Pa
/// (at 16× oversampling; one 20-bit pressure LSB is 0.16–0.2 Pa with these calibration words).
/// </summary>
public sealed class EmulatedBme280Tests
{
    private const double TemperatureResolutionCelsius = 0.01;
    private const double HumidityResolutionPercent = 0.008;
    private const double PressureResolutionPascals = 0.18;

    [Fact]
    public void Driver_Reads_The_Datasheet_Compensation_Example_Through_The_Registers()
    {
        using var chip = new EmulatedBme280();
        using var driver = new Bme280(chip);

        // Bosch's worked example (BMP280 data sheet §3.12): adc_T = 519888 → 25.08 °C, adc_P = 415148 → 100653.27 Pa.
        chip.SetRawAdc(519888, 415148, 30000);
        Assert.True(driver.TryReadTemperature(out var temperature));
        Assert.True(driver.TryReadPressure(out var pressure));

        Assert.Equal(25.08, temperature.DegreesCelsius, 2);
        Assert.Equal(100653.27, pressure.Pascals, 2);
    }

    [Theory]
    [InlineData(23.45, 47.3, 1005.12)]
    [InlineData(-20.0, 10.0, 900.0)]
    [InlineData(0.0, 95.0, 1013.25)]
    [InlineData(60.0, 20.0, 1100.0)]
    [InlineData(35.7, 62.4, 950.55)]
    public void Driver_Reads_Back_The_Emulated_Conditions_Within_The_Sensor_Resolution(double celsius, double humidityPercent, double hectopascals)
    {
        using var chip = new EmulatedBme280(address: 0x77) { Conditions = new EnvironmentConditions(celsius, humidityPercent, hectopascals) };
        using var driver = new Bme280(chip)
        {
            TemperatureSampling = Sampling.UltraHighResolution,
            PressureSampling = Sampling.UltraHighResolution,
            HumiditySampling = Sampling.UltraHighResolution,
        };

        var reading = driver.Read();

        Assert.NotNull(reading.Temperature);
        Assert.NotNull(reading.Humidity);
        Assert.NotNull(reading.Pressure);
        Assert.InRange(reading.Temperature.Value.DegreesCelsius, celsius - TemperatureResolutionCelsius, celsius + TemperatureResolutionCelsius);
        Assert.InRange(reading.Humidity.Value.Percent, humidityPercent - HumidityResolutionPercent, humidityPercent + HumidityResolutionPercent);
        Assert.InRange(reading.Pressure.Value.Pascals, (hectopascals * 100) - PressureResolutionPascals, (hectopascals * 100) + PressureResolutionPascals);
    }

    [Fact]
    public void Forced_Mode_Measures_Once_And_Returns_To_Sleep()
    {
        using var chip = new EmulatedBme280();
        using var driver = new Bme280(chip);
        var before = chip.MeasurementCount;

        driver.SetPowerMode(Bmx280PowerMode.Forced);

        Assert.Equal(before + 1, chip.MeasurementCount);
        Assert.Equal(Bmx280PowerMode.Sleep, driver.ReadPowerMode());
    }

    [Fact]
    public void Data_Registers_Hold_The_Reset_Values_Until_The_First_Measurement()
    {
        using var chip = new EmulatedBme280();

        // 0x80000 for temperature and pressure, 0x8000 for humidity (data sheet §5.4.7–5.4.9).
        Assert.Equal(0x80, chip.PeekRegister(Bme280Register.PressureMsb));
        Assert.Equal(0x80, chip.PeekRegister(Bme280Register.TemperatureMsb));
        Assert.Equal(0x80, chip.PeekRegister(Bme280Register.HumidityMsb));
        Assert.Equal(EmulatedBme280.ChipId, chip.PeekRegister(Bme280Register.ChipId));
    }

    [Fact]
    public void Soft_Reset_Clears_The_Control_Registers()
    {
        using var chip = new EmulatedBme280();
        using var driver = new Bme280(chip) { TemperatureSampling = Sampling.HighResolution };
        Assert.NotEqual(0, chip.PeekRegister(Bme280Register.ControlMeasurement));

        chip.Write([(byte)Bme280Register.Reset, EmulatedBme280.ResetCommand]);

        Assert.Equal(0, chip.PeekRegister(Bme280Register.ControlMeasurement));
        Assert.Equal(0, chip.PeekRegister(Bme280Register.ControlHumidity));
    }

    [Fact]
    public void Environment_Port_Over_The_Driver_Reports_The_Conditions_In_Node_Units()
    {
        using var chip = new EmulatedBme280 { Conditions = new EnvironmentConditions(28.6, 41.2, 998.7) };
        using var sensor = new Bme280EnvironmentSensor(new Bme280(chip));

        Assert.True(sensor.TryRead(out var celsius, out var humidityPercent, out var hectopascals));

        // Float outputs: the node carries these values as float, about 7 significant digits.
        Assert.InRange(celsius, 28.6f - 0.01f, 28.6f + 0.01f);
        Assert.InRange(humidityPercent, 41.2f - 0.01f, 41.2f + 0.01f);
        Assert.InRange(hectopascals, 998.7f - 0.01f, 998.7f + 0.01f);
    }
}
