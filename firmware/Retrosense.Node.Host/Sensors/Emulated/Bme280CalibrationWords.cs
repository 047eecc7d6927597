namespace Retrosense.Node.Host.Sensors.Emulated;

/// <summary>The trimming words a BME280 holds in its non-volatile memory (data sheet §4.2.2, Table 16).</summary>
public sealed record Bme280CalibrationWords(
    ushort DigT1, short DigT2, short DigT3,
    ushort DigP1, short DigP2, short DigP3, short DigP4, short DigP5, short DigP6, short DigP7, short DigP8, short DigP9,
    byte DigH1, short DigH2, byte DigH3, short DigH4, short DigH5, sbyte DigH6)
{
    /// <summary>
    /// Temperature and pressure words of Bosch's worked compensation example (BMP280 data sheet BST-BMP280-DS001, §3.12,
    /// Table 15, whose formulas the BME280 shares; dotnet/iot's Bmxx80 tests load the same words), with which
    /// adc_T = 519888 gives 25.08 °C and adc_P = 415148 gives 100653.27 Pa. Bosch gives no humidity example, so the humidity
    /// words are typical of production BME280 parts (dig_H1 = 75, dig_H2 = 362, dig_H3 = 0, dig_H4 = 313, dig_H5 = 50,
    /// dig_H6 = 30), which put 50 %RH near adc_H = 29,000 of 65,535.
    /// </summary>
    public static Bme280CalibrationWords DatasheetExample { get; } = new(
        27504, 26435, -1000,
        36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000,
        75, 362, 0, 313, 50, 30);
}
