using System;

namespace Retrosense.Node.Host.Hosting;

/// <summary>Everything <c>retrosense-node</c> was told on its command line.</summary>
public sealed class NodeHostOptions
{
    public required Uri BrokerUri { get; init; }

    public required string Tenant { get; init; }

    public required string Site { get; init; }

    public required string Asset { get; init; }

    public required string NodeId { get; init; }

    public string? CaCertificatePath { get; init; }

    public string? ClientCertificatePath { get; init; }

    public string? ClientKeyPath { get; init; }

    /// <summary>Where the boot counter, the config in force and the store-and-forward queue are kept.</summary>
    public required string DataDirectory { get; init; }

    public SensorEmulation Emulation { get; init; }

    /// <summary>The recording replayed with <see cref="SensorEmulation.Replay"/>.</summary>
    public string? ReplayPath { get; init; }

    /// <summary>Sample rate of the recording, in Hz (CWRU 12k drive-end files by default).</summary>
    public double ReplayRateHz { get; init; } = 12000;

    /// <summary>CSV column or MAT-file variable to replay; null picks one.</summary>
    public string? ReplayChannel { get; init; }

    /// <summary>Seed of the machine model.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Simulated seconds per real second when emulating (1 = real time).</summary>
    public double TimeScale { get; init; } = 1;

    public int I2cBus { get; init; } = 1;

    /// <summary>BME280 address: 0x76 (SDO to GND, most breakout boards) or 0x77.</summary>
    public int Bme280Address { get; init; } = 0x76;

    public int SpiBus { get; init; }

    public int SpiChipSelect { get; init; }

    /// <summary>Only warnings and errors in the log.</summary>
    public bool Quiet { get; init; }
}
