using System;
using Retrosense.Node.Configuration;

namespace Retrosense.Node.Host.Simulation;

/// <summary>
/// Parameters of a <see cref="MachineModel"/>. The defaults describe a healthy 1,500 rpm pump motor on a rigid foundation
/// whose velocity RMS sits in ISO 10816-3 zone B (about 1.8 mm/s), with a 6205 deep-groove ball bearing (the CWRU test
/// bearing) and a casing resonance at 1 kHz, inside the node's default 500–1,400 Hz envelope band.
/// Axes: X radial horizontal, Y radial vertical (gravity), Z axial.
/// </summary>
public sealed class MachineModelSettings
{
    /// <summary>Seed of every random draw; equal seeds and settings give equal signals.</summary>
    public int Seed { get; init; } = 1;

    public double ShaftSpeedRpm { get; init; } = 1500;

    /// <summary>Standard deviation of the slow speed wander, as a fraction of the nominal speed (induction-motor slip varies with load).</summary>
    public double SpeedWanderFraction { get; init; } = 0.002;

    /// <summary>Correlation time of the speed wander, in seconds.</summary>
    public double SpeedWanderTimeConstantSeconds { get; init; } = 30;

    /// <summary>1× (imbalance) amplitude of a healthy machine on the radial axes, in g peak.</summary>
    public double ImbalanceG { get; init; } = 0.04;

    /// <summary>2× (misalignment) amplitude of a healthy machine on the axial axis, in g peak (radial axes see about half).</summary>
    public double MisalignmentG { get; init; } = 0.015;

    /// <summary>Factor the 1× or 2× amplitude grows by at severity 1 of an imbalance or misalignment fault (1 + this).</summary>
    public double ShaftFaultGrowthFactor { get; init; } = 4;

    /// <summary>
    /// How much the 1× amplitude grows at bearing-fault severity 1 (1 + this): a worn bearing's clearance lets the shaft
    /// move, so late-stage bearing faults raise the running-speed component too ("looseness"), which is what finally moves
    /// overall velocity RMS, and the ISO zone, up; by default a fully developed fault ends in zone C.
    /// </summary>
    public double BearingLoosenessFactor { get; init; } = 1;

    /// <summary>
    /// Bearing whose defect frequencies the model excites: SKF 6205 (9 balls of 7.94 mm on a 39.04 mm pitch, 0°), the
    /// CWRU drive-end bearing (Smith and Randall 2015, Table 2).
    /// </summary>
    public BearingGeometry Bearing { get; init; } = new(9, 7.94f, 39.04f, 0f);

    /// <summary>Casing resonance the bearing impacts ring, in Hz (clipped to 0.4 × the sample rate).</summary>
    public double ResonanceHz { get; init; } = 1000;

    public double ResonanceDampingRatio { get; init; } = 0.05;

    /// <summary>Impact amplitude at bearing-fault severity 1, in g (peak of the ringing on X).</summary>
    public double BearingImpactG { get; init; } = 3;

    /// <summary>Random variation of impact amplitudes, as a fraction.</summary>
    public double ImpactAmplitudeJitter { get; init; } = 0.2;

    /// <summary>Random variation of impact intervals, as a fraction (rolling elements slip 1–2 %: Randall and Antoni 2011).</summary>
    public double ImpactIntervalJitter { get; init; } = 0.01;

    /// <summary>Broadband noise on every axis, in g RMS; grows by (1 + wear).</summary>
    public double NoiseG { get; init; } = 0.01;

    /// <summary>Adds 1 g of gravity on the vertical (Y) axis, as a DC-coupled MEMS accelerometer reads.</summary>
    public bool IncludeGravity { get; init; } = true;

    public FaultPlan Faults { get; init; } = FaultPlan.None;

    /// <summary>Machine load, 0..1; raises the temperature near the machine.</summary>
    public double LoadFraction { get; init; } = 0.75;

    /// <summary>Wall-clock time of model time 0, for the daily environment cycle.</summary>
    public DateTimeOffset StartUtc { get; init; } = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public double AmbientMeanCelsius { get; init; } = 22;

    /// <summary>Amplitude of the daily temperature cycle (peak at 15:00 local solar time, taken as UTC here).</summary>
    public double AmbientDailySwingCelsius { get; init; } = 4;

    /// <summary>Temperature rise near the machine at full load.</summary>
    public double LoadTemperatureRiseCelsius { get; init; } = 6;

    /// <summary>Extra temperature rise at wear 1 (friction of a failing bearing).</summary>
    public double WearTemperatureRiseCelsius { get; init; } = 12;

    public double HumidityMeanPercent { get; init; } = 50;

    /// <summary>Amplitude of the daily humidity cycle, opposite in phase to temperature.</summary>
    public double HumidityDailySwingPercent { get; init; } = 12;

    /// <summary>Mean sea-level pressure (ICAO standard atmosphere, 1013.25 hPa).</summary>
    public double PressureMeanHectopascals { get; init; } = 1013.25;

    /// <summary>Amplitude of the synoptic pressure swing (weather systems, period <see cref="PressurePeriodHours"/>).</summary>
    public double PressureSwingHectopascals { get; init; } = 6;

    public double PressurePeriodHours { get; init; } = 84;

    public double TemperatureNoiseCelsius { get; init; } = 0.05;

    public double HumidityNoisePercent { get; init; } = 0.3;

    public double PressureNoiseHectopascals { get; init; } = 0.05;
}
