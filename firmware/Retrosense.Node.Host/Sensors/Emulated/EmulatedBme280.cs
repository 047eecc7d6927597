using System;
using System.Device.I2c;
using Retrosense.Node.Host.Simulation;

namespace Retrosense.Node.Host.Sensors.Emulated;

/// <summary>
/// A BME280 at register level behind dotnet/iot's <see cref="I2cDevice"/>, so the real <c>Iot.Device.Bmxx80.Bme280</c>
/// driver runs against it. It holds the chip's register file (data sheet §5.3): chip id 0x60, calibration words at
/// 0x88–0xA1 and 0xE1–0xE7, ctrl_hum, status, ctrl_meas, config and the data registers 0xF7–0xFE.
/// <para>
/// I²C protocol (§6.2): a write's first byte sets the register pointer and any further bytes come as (data, address,
/// data, …) — in practice one register and one value per write; a read returns bytes from the pointer on, incrementing it.
/// Measurements complete at once: a write of forced mode to ctrl_meas measures and returns to sleep; in normal mode every
/// read starting in the data block measures again. A measurement converts the present <see cref="Conditions"/> (or the
/// <see cref="ConditionsSource"/>) into the raw ADC values the chip would output, by inverting the compensation formulas
/// (<see cref="Bme280Compensation"/>). A skipped channel (oversampling 0) reads 0x80000 (temperature, pressure) or 0x8000
/// (humidity), the chip's reset values (§5.4.7–5.4.9). Not emulated: IIR filter, standby timing, SPI, measurement delay.
/// </para>
/// </summary>
public sealed class EmulatedBme280 : I2cDevice
{
    /// <summary>Chip id of the BME280 (data sheet §5.4.1).</summary>
    public const byte ChipId = 0x60;

    /// <summary>Soft-reset command word (data sheet §5.4.2).</summary>
    public const byte ResetCommand = 0xB6;

    private const int SkippedTwentyBit = 0x80000;
    private const int SkippedHumidity = 0x8000;

    private readonly byte[] _registers = new byte[256];
    private readonly Bme280Compensation _compensation;
    private readonly object _gate = new();
    private byte _pointer;
    private byte _humidityOversamplingLatched;

    public EmulatedBme280(int busId = 1, int address = 0x76, Bme280CalibrationWords? calibration = null)
    {
        if (address != 0x76 && address != 0x77)
        {
            throw new ArgumentOutOfRangeException(nameof(address), "a BME280 answers at 0x76 (SDO to GND) or 0x77 (SDO to VDDIO)");
        }

        ConnectionSettings = new I2cConnectionSettings(busId, address);
        Calibration = calibration ?? Bme280CalibrationWords.DatasheetExample;
        _compensation = new Bme280Compensation(Calibration);
        WriteCalibration(Calibration);
        PowerOnReset();
    }

    public override I2cConnectionSettings ConnectionSettings { get; }

    public Bme280CalibrationWords Calibration { get; }

    /// <summary>What the chip senses when no <see cref="ConditionsSource"/> is set.</summary>
    public EnvironmentConditions Conditions { get; set; } = new(20, 50, 1013.25);

    /// <summary>When set, read at every measurement (for example a machine model at the simulated clock's time).</summary>
    public Func<EnvironmentConditions>? ConditionsSource { get; set; }

    /// <summary>Measurements taken so far.</summary>
    public int MeasurementCount { get; private set; }

    /// <summary>Register contents, for tests.</summary>
    public byte PeekRegister(Bme280Register register) => _registers[(byte)register];

    /// <summary>Loads raw ADC values into the data registers directly, bypassing the conditions (the data sheet's worked example).</summary>
    public void SetRawAdc(int adcTemperature, int adcPressure, int adcHumidity)
    {
        lock (_gate)
        {
            WriteDataRegisters(adcTemperature, adcPressure, adcHumidity);
        }
    }

    public override byte ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        Read(one);
        return one[0];
    }

    public override void Read(Span<byte> buffer)
    {
        lock (_gate)
        {
            if (IsNormalMode() && _pointer >= (byte)Bme280Register.PressureMsb)
            {
                Measure();
            }

            for (var i = 0; i < buffer.Length; i++)
            {
                buffer[i] = _registers[_pointer];
                _pointer = (byte)(_pointer + 1);
            }
        }
    }

    public override void WriteByte(byte value)
    {
        lock (_gate)
        {
            _pointer = value;
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        lock (_gate)
        {
            _pointer = buffer[0];
            for (var i = 1; i < buffer.Length; i += 2)
            {
                WriteRegister(i == 1 ? _pointer : buffer[i - 1], buffer[i]);
            }
        }
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    private void WriteRegister(byte address, byte value)
    {
        switch ((Bme280Register)address)
        {
            case Bme280Register.Reset:
                if (value == ResetCommand)
                {
                    PowerOnReset();
                }

                break;
            case Bme280Register.ControlHumidity:
                _registers[address] = (byte)(value & 0b111);
                break;
            case Bme280Register.ControlMeasurement:
                _registers[address] = value;

                // ctrl_hum changes only take effect after a write to ctrl_meas (data sheet §5.4.3).
                _humidityOversamplingLatched = _registers[(byte)Bme280Register.ControlHumidity];
                var mode = value & 0b11;
                if (mode == 0b01 || mode == 0b10)
                {
                    Measure();
                    _registers[address] = (byte)(value & 0b1111_1100);
                }

                break;
            case Bme280Register.Config:
                _registers[address] = value;
                break;
            default:
                // Calibration, id, status and data registers are read-only; writes to them are ignored as on the chip.
                break;
        }
    }

    private bool IsNormalMode() => (_registers[(byte)Bme280Register.ControlMeasurement] & 0b11) == 0b11;

    private void Measure()
    {
        MeasurementCount++;
        var conditions = ConditionsSource?.Invoke() ?? Conditions;
        var controlMeasurement = _registers[(byte)Bme280Register.ControlMeasurement];
        var temperatureSkipped = (controlMeasurement >> 5) == 0;
        var pressureSkipped = ((controlMeasurement >> 2) & 0b111) == 0;
        var humiditySkipped = _humidityOversamplingLatched == 0;

        var adcTemperature = _compensation.RawTemperature(conditions.TemperatureCelsius);
        _compensation.TemperatureCelsius(adcTemperature, out var temperatureFine);
        var adcPressure = _compensation.RawPressure(conditions.PressureHectopascals * 100.0, temperatureFine);
        var adcHumidity = _compensation.RawHumidity(conditions.RelativeHumidityPercent, temperatureFine);
        WriteDataRegisters(
            temperatureSkipped ? SkippedTwentyBit : adcTemperature,
            pressureSkipped ? SkippedTwentyBit : adcPressure,
            humiditySkipped ? SkippedHumidity : adcHumidity);
    }

    private void WriteDataRegisters(int adcTemperature, int adcPressure, int adcHumidity)
    {
        WriteTwentyBit((byte)Bme280Register.PressureMsb, adcPressure);
        WriteTwentyBit((byte)Bme280Register.TemperatureMsb, adcTemperature);
        _registers[(byte)Bme280Register.HumidityMsb] = (byte)(adcHumidity >> 8);
        _registers[(byte)Bme280Register.HumidityMsb + 1] = (byte)adcHumidity;
    }

    // 20-bit value as msb, lsb, xlsb[7:4] (data sheet §5.4.7, §5.4.8).
    private void WriteTwentyBit(byte address, int value)
    {
        _registers[address] = (byte)(value >> 12);
        _registers[address + 1] = (byte)(value >> 4);
        _registers[address + 2] = (byte)((value & 0xF) << 4);
    }

    private void PowerOnReset()
    {
        _registers[(byte)Bme280Register.ChipId] = ChipId;
        _registers[(byte)Bme280Register.ControlHumidity] = 0;
        _registers[(byte)Bme280Register.Status] = 0;
        _registers[(byte)Bme280Register.ControlMeasurement] = 0;
        _registers[(byte)Bme280Register.Config] = 0;
        _humidityOversamplingLatched = 0;
        WriteDataRegisters(SkippedTwentyBit, SkippedTwentyBit, SkippedHumidity);
    }

    private void WriteCalibration(Bme280CalibrationWords words)
    {
        var low = (byte)Bme280Register.CalibrationLow;
        WriteLittleEndian(low, words.DigT1);
        WriteLittleEndian(low + 2, (ushort)words.DigT2);
        WriteLittleEndian(low + 4, (ushort)words.DigT3);
        WriteLittleEndian(low + 6, words.DigP1);
        WriteLittleEndian(low + 8, (ushort)words.DigP2);
        WriteLittleEndian(low + 10, (ushort)words.DigP3);
        WriteLittleEndian(low + 12, (ushort)words.DigP4);
        WriteLittleEndian(low + 14, (ushort)words.DigP5);
        WriteLittleEndian(low + 16, (ushort)words.DigP6);
        WriteLittleEndian(low + 18, (ushort)words.DigP7);
        WriteLittleEndian(low + 20, (ushort)words.DigP8);
        WriteLittleEndian(low + 22, (ushort)words.DigP9);
        _registers[(byte)Bme280Register.DigH1] = words.DigH1;

        // dig_H4 = 0xE4[7:0] << 4 | 0xE5[3:0]; dig_H5 = 0xE6[7:0] << 4 | 0xE5[7:4] (data sheet Table 16).
        var high = (byte)Bme280Register.CalibrationHigh;
        WriteLittleEndian(high, (ushort)words.DigH2);
        _registers[high + 2] = words.DigH3;
        _registers[high + 3] = (byte)(words.DigH4 >> 4);
        _registers[high + 4] = (byte)((words.DigH4 & 0xF) | ((words.DigH5 & 0xF) << 4));
        _registers[high + 5] = (byte)(words.DigH5 >> 4);
        _registers[high + 6] = (byte)words.DigH6;
    }

    private void WriteLittleEndian(int address, ushort value)
    {
        _registers[address] = (byte)value;
        _registers[address + 1] = (byte)(value >> 8);
    }
}
