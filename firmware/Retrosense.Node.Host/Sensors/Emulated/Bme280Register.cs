namespace Retrosense.Node.Host.Sensors.Emulated;

/// <summary>BME280 register addresses (Bosch Sensortec BME280 data sheet BST-BME280-DS002, §5.3 "Memory map").</summary>
public enum Bme280Register : byte
{
    /// <summary>First calibration byte: dig_T1 (0x88/0x89) … dig_P9 (0x9E/0x9F); 0xA0 is unused.</summary>
    CalibrationLow = 0x88,

    /// <summary>dig_H1, unsigned char.</summary>
    DigH1 = 0xA1,

    /// <summary>Chip id, reads 0x60.</summary>
    ChipId = 0xD0,

    /// <summary>Soft reset: writing 0xB6 resets the device.</summary>
    Reset = 0xE0,

    /// <summary>dig_H2 (0xE1/0xE2), dig_H3 (0xE3), dig_H4/dig_H5 (0xE4–0xE6, 12 bits each), dig_H6 (0xE7).</summary>
    CalibrationHigh = 0xE1,

    /// <summary>Humidity oversampling osrs_h[2:0]; takes effect after the next write to ctrl_meas.</summary>
    ControlHumidity = 0xF2,

    /// <summary>measuring[3], im_update[0].</summary>
    Status = 0xF3,

    /// <summary>osrs_t[7:5], osrs_p[4:2], mode[1:0].</summary>
    ControlMeasurement = 0xF4,

    /// <summary>t_sb[7:5], filter[4:2], spi3w_en[0].</summary>
    Config = 0xF5,

    /// <summary>press_msb, press_lsb, press_xlsb[7:4] (0xF7–0xF9).</summary>
    PressureMsb = 0xF7,

    /// <summary>temp_msb, temp_lsb, temp_xlsb[7:4] (0xFA–0xFC).</summary>
    TemperatureMsb = 0xFA,

    /// <summary>hum_msb, hum_lsb (0xFD–0xFE).</summary>
    HumidityMsb = 0xFD,
}
