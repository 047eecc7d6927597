using System;

namespace Retrosense.Node.Host.Sensors.Emulated;

/// <summary>
/// The BME280 compensation formulas (data sheet §4.2.3 and §8.1/8.2) in the forms the dotnet/iot Bmxx80 driver uses —
/// floating point for temperature (which also yields t_fine) and humidity, 64-bit integer for pressure — and their
/// inverses: the raw ADC value the chip would output for a given temperature, pressure and humidity, found by bisection
/// over the ADC range because every formula is monotonic in its ADC value.
/// </summary>
public sealed class Bme280Compensation
{
    /// <summary>Temperature and pressure ADC values are 20 bits; humidity is 16 bits.</summary>
    public const int MaxTwentyBitAdc = (1 << 20) - 1;

    public const int MaxHumidityAdc = ushort.MaxValue;

    private readonly Bme280CalibrationWords _words;

    public Bme280Compensation(Bme280CalibrationWords words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _words = words;
    }

    /// <summary>Temperature in °C for <paramref name="adcTemperature"/> (data sheet §8.1, double precision).</summary>
    public double TemperatureCelsius(int adcTemperature, out int temperatureFine)
    {
        var var1 = ((adcTemperature / 16384.0) - (_words.DigT1 / 1024.0)) * _words.DigT2;
        var var2 = (adcTemperature / 131072.0) - (_words.DigT1 / 8192.0);
        var2 = var2 * var2 * _words.DigT3;
        temperatureFine = (int)(var1 + var2);
        return (var1 + var2) / 5120.0;
    }

    /// <summary>Pressure in Pa for <paramref name="adcPressure"/> (data sheet §4.2.3, 64-bit integer, Q24.8 result / 256).</summary>
    public double PressurePascals(int adcPressure, int temperatureFine)
    {
        long var1 = temperatureFine - 128000L;
        var var2 = var1 * var1 * _words.DigP6;
        var2 += (var1 * _words.DigP5) << 17;
        var2 += (long)_words.DigP4 << 35;
        var1 = ((var1 * var1 * _words.DigP3) >> 8) + ((var1 * _words.DigP2) << 12);
        var1 = (((1L << 47) + var1) * _words.DigP1) >> 33;
        if (var1 == 0)
        {
            return 0;
        }

        long p = 1048576 - adcPressure;
        p = (((p << 31) - var2) * 3125) / var1;
        var1 = (_words.DigP9 * (p >> 13) * (p >> 13)) >> 25;
        var2 = (_words.DigP8 * p) >> 19;
        p = ((p + var1 + var2) >> 8) + ((long)_words.DigP7 << 4);
        return p / 256.0;
    }

    /// <summary>Relative humidity in % for <paramref name="adcHumidity"/> (data sheet §8.1, double precision, clamped to 0–100).</summary>
    public double RelativeHumidityPercent(int adcHumidity, int temperatureFine)
    {
        var h = temperatureFine - 76800.0;
        h = (adcHumidity - ((_words.DigH4 * 64.0) + (_words.DigH5 / 16384.0 * h)))
            * (_words.DigH2 / 65536.0 * (1.0 + (_words.DigH6 / 67108864.0 * h * (1.0 + (_words.DigH3 / 67108864.0 * h)))));
        h *= 1.0 - (_words.DigH1 * h / 524288.0);
        return Math.Clamp(h, 0, 100);
    }

    /// <summary>The 20-bit adc_T whose compensated temperature is nearest <paramref name="temperatureCelsius"/>.</summary>
    public int RawTemperature(double temperatureCelsius) =>
        NearestAdc(adc => TemperatureCelsius(adc, out _), temperatureCelsius, MaxTwentyBitAdc);

    /// <summary>The 20-bit adc_P whose compensated pressure, at <paramref name="temperatureFine"/>, is nearest <paramref name="pressurePascals"/>.</summary>
    public int RawPressure(double pressurePascals, int temperatureFine) =>
        NearestAdc(adc => PressurePascals(adc, temperatureFine), pressurePascals, MaxTwentyBitAdc);

    /// <summary>The 16-bit adc_H whose compensated humidity, at <paramref name="temperatureFine"/>, is nearest <paramref name="relativeHumidityPercent"/>.</summary>
    public int RawHumidity(double relativeHumidityPercent, int temperatureFine) =>
        NearestAdc(adc => RelativeHumidityPercent(adc, temperatureFine), relativeHumidityPercent, MaxHumidityAdc);

    // Bisection for a function monotonic over [0, max] (rising or falling): the ADC value whose output is nearest target.
    private static int NearestAdc(Func<int, double> compensate, double target, int max)
    {
        var rising = compensate(max) >= compensate(0);
        int low = 0, high = max;
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            var value = compensate(middle);
            if ((value < target) == rising)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return Math.Abs(compensate(low) - target) <= Math.Abs(compensate(high) - target) ? low : high;
    }
}
