using System;
using System.Collections.Generic;
using System.Device.I2c;
using System.Device.Spi;
using System.Reflection;
using Iot.Device.Adxl345;
using Iot.Device.Bmxx80;
using Retrosense.Node.Host.Sensors.Drivers;
using Retrosense.Node.Host.Sensors.Emulated;
using Retrosense.Node.Host.Simulation;
using Retrosense.Node.Host.Storage;
using Retrosense.Node.Host.Transport;
using Retrosense.Node.Ports;
using Retrosense.Node.Runtime;
using Retrosense.Node.StoreAndForward;

namespace Retrosense.Node.Host.Hosting;

/// <summary>
/// One node put together from its command line: file store, clock, sensors (real, or emulated chips behind the real
/// drivers, or direct simulated sensors when time runs faster than real time), MQTT transport and the node core.
/// </summary>
public sealed class NodeHost : IDisposable
{
    /// <summary>
    /// Store-and-forward slots on a gateway: 1,024 × 1,536 bytes = 1.5 MiB, about 3.5 days of heartbeat-only telemetry at
    /// 300 s (the ESP32 holds 8; StoreAndForward/README.md).
    /// </summary>
    public const int GatewayQueueCapacity = 1024;

    private readonly List<IDisposable> _owned;

    private NodeHost(NodeRunner runner, List<IDisposable> owned, string sensorDescription)
    {
        Runner = runner;
        _owned = owned;
        SensorDescription = sensorDescription;
    }

    public NodeRunner Runner { get; }

    /// <summary>What the sensors are, for the start-up log line.</summary>
    public string SensorDescription { get; }

    /// <summary>Version reported in every message's <c>fw</c> (at most 32 characters: the build metadata is dropped).</summary>
    public static string FirmwareVersion
    {
        get
        {
            var version = typeof(NodeHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            version = plus > 0 ? version[..plus] : version;
            return version.Length > 32 ? version[..32] : version;
        }
    }

    public static NodeHost Create(NodeHostOptions options, INodeLog log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var owned = new List<IDisposable>();
        try
        {
            var sensors = CreateSensors(options, log, owned);
            var identity = new NodeIdentity(options.Tenant, options.Site, options.Asset, options.NodeId, sensors.Board, FirmwareVersion);
            var transport = new MqttNodeTransport(
                new MqttNodeTransportOptions(options.BrokerUri, MqttNodeTransportOptions.ClientIdFor(options.Tenant, options.NodeId))
                {
                    CaCertificatePath = options.CaCertificatePath,
                    ClientCertificatePath = options.ClientCertificatePath,
                    ClientKeyPath = options.ClientKeyPath,
                },
                log);
            var node = new SensorNode(
                identity, sensors.Clock, sensors.Accelerometer, sensors.Environment, transport,
                new FilePersistentStore(options.DataDirectory), log, new ProcessDiagnostics(),
                GatewayQueueCapacity, StoreAndForwardQueue.RecommendedSlotBytes);
            return new NodeHost(new NodeRunner(node, transport, log), owned, sensors.Description);
        }
        catch
        {
            DisposeAll(owned);
            throw;
        }
    }

    public void Dispose()
    {
        Runner.Dispose();
        DisposeAll(_owned);
    }

    private static NodeSensors CreateSensors(NodeHostOptions options, INodeLog log, List<IDisposable> owned)
    {
        if (options.Emulation == SensorEmulation.None)
        {
            var i2c = I2cDevice.Create(new I2cConnectionSettings(options.I2cBus, options.Bme280Address));
            var environment = new Bme280EnvironmentSensor(new Bme280(i2c), log);
            owned.Add(environment);
            var spi = SpiDevice.Create(new SpiConnectionSettings(options.SpiBus, options.SpiChipSelect)
            {
                ClockFrequency = Adxl345.SpiClockFrequency,
                Mode = Adxl345.SpiMode,
            });
            var accelerometer = new Adxl345Accelerometer(spi, GravityRange.Range16, log);
            owned.Add(accelerometer);
            return new NodeSensors(new SystemClock(), accelerometer, environment, "linux",
                $"ADXL345 on SPI {options.SpiBus}.{options.SpiChipSelect}, BME280 on I2C {options.I2cBus} at 0x{options.Bme280Address:x2}");
        }

        var model = new MachineModel(new MachineModelSettings { Seed = options.Seed, StartUtc = DateTimeOffset.UtcNow });
        IVibrationSource vibration = model;
        var what = "machine model (seed " + options.Seed + ")";
        if (options.Emulation == SensorEmulation.Replay)
        {
            var recording = RecordedSignalSource.Load(options.ReplayPath!, options.ReplayRateHz, options.ReplayChannel);
            vibration = recording;
            what = $"replay of {recording.Name} ({recording.DurationSeconds:0.0} s at {options.ReplayRateHz} Hz, looped)";
        }

        if (options.TimeScale != 1)
        {
            // Faster than real time the register path cannot keep up (an ADXL345 FIFO holds 10 ms at 3,200 Hz): direct sensors.
            var simulatedClock = new SimulatedClock(DateTimeOffset.UtcNow, options.TimeScale);
            return new NodeSensors(simulatedClock, new SimulatedAccelerometer(vibration, simulatedClock), new SimulatedEnvironmentSensor(model, simulatedClock),
                "emulated", $"simulated sensors, {what}, time ×{options.TimeScale}");
        }

        var clock = new SystemClock();
        var chip = new EmulatedAdxl345(vibration, clock);
        var emulatedAccelerometer = new Adxl345Accelerometer(chip, GravityRange.Range16, log);
        owned.Add(emulatedAccelerometer);
        var bme = new EmulatedBme280 { ConditionsSource = () => model.ConditionsAt(clock.MonotonicMilliseconds / 1000.0) };
        var emulatedEnvironment = new Bme280EnvironmentSensor(new Bme280(bme), log);
        owned.Add(emulatedEnvironment);
        return new NodeSensors(clock, emulatedAccelerometer, emulatedEnvironment, "emulated",
            $"emulated ADXL345 and BME280 behind the dotnet/iot drivers, {what}");
    }

    private static void DisposeAll(List<IDisposable> owned)
    {
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            owned[i].Dispose();
        }

        owned.Clear();
    }

    private sealed record NodeSensors(IClock Clock, IAccelerometer Accelerometer, IEnvironmentSensor Environment, string Board, string Description);
}
