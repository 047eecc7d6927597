namespace Retrosense.Node.Host.Hosting;

/// <summary>Where the node's sensors come from.</summary>
public enum SensorEmulation
{
    /// <summary>Real chips on the gateway's I²C and SPI buses (ADXL345, BME280).</summary>
    None,

    /// <summary>Emulated chips fed by a <see cref="Simulation.MachineModel"/>.</summary>
    Model,

    /// <summary>Emulated accelerometer replaying a recording on X; environment from the machine model.</summary>
    Replay,
}
