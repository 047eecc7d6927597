using System;
using Retrosense.Node.Dsp;

namespace Retrosense.Node.Host.Simulation;

/// <summary>
/// A rotating machine as its accelerometer and environment sensor see it, deterministic for a seed: shaft speed with a
/// slow random wander; 1× (imbalance) and 2× (misalignment) components; bearing-defect impacts at BPFO, BPFI and 2 × BSF
/// (from the node core's <see cref="BearingDefectFrequencies"/> at the instantaneous shaft speed, with slip jitter) ringing
/// a casing resonance; faults from a <see cref="FaultPlan"/> growing over model time; broadband noise; and the ambient
/// temperature, humidity and pressure drifting with the day, warmed by load and wear.
/// <para>
/// Time is model seconds: successive <see cref="Fill"/> calls continue the phases; a call that starts elsewhere jumps there
/// (phases carry on), so a test can look at day 30 without generating days 1–29. Not thread-safe: one model per node.
/// </para>
/// </summary>
public sealed class MachineModel : IVibrationSource, IEnvironmentSource
{
    // Samples between updates of the speed wander and of the fault severities (both vary over seconds to days).
    private const int SlowUpdateSamples = 64;

    // Phase of the 2× (misalignment) component relative to the 1×: 0.4 rad, an arbitrary fixed offset.
    private static readonly double TwiceCos = Math.Cos(0.4);
    private static readonly double TwiceSin = Math.Sin(0.4);

    private readonly MachineModelSettings _settings;
    private readonly GaussianNoise _vibrationNoise;
    private readonly FastGaussianNoise _sensorNoise;
    private readonly GaussianNoise _environmentNoise;
    private readonly double _outerRacePerShaftHz;
    private readonly double _innerRacePerShaftHz;
    private readonly double _ballStrikesPerShaftHz;
    private readonly double _cagePerShaftHz;
    private StructuralResonator? _resonator;
    private double _resonatorSampleRateHz;
    private double _nextSampleSeconds = double.NaN;
    private double _speedWander;
    private int _samplesToSlowUpdate;
    private double _shaftPhaseRadians;
    private double _cagePhaseRadians;
    private double _outerRaceCycles;
    private double _innerRaceCycles;
    private double _ballCycles;
    private double _outerRaceThreshold = 1;
    private double _innerRaceThreshold = 1;
    private double _ballThreshold = 1;

    public MachineModel(MachineModelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _vibrationNoise = new GaussianNoise(settings.Seed);
        _sensorNoise = new FastGaussianNoise(settings.Seed);
        _environmentNoise = new GaussianNoise(unchecked((settings.Seed * 7919) + 17));
        _outerRacePerShaftHz = BearingDefectFrequencies.BallPassOuterRaceHz(settings.Bearing, 1f);
        _innerRacePerShaftHz = BearingDefectFrequencies.BallPassInnerRaceHz(settings.Bearing, 1f);
        _ballStrikesPerShaftHz = 2.0 * BearingDefectFrequencies.BallSpinHz(settings.Bearing, 1f);
        _cagePerShaftHz = BearingDefectFrequencies.FundamentalTrainHz(settings.Bearing, 1f);
    }

    public MachineModelSettings Settings => _settings;

    /// <summary>Shaft speed at the last generated sample, in rpm (nominal plus wander).</summary>
    public double CurrentShaftSpeedRpm => _settings.ShaftSpeedRpm * (1 + _speedWander);

    public void Fill(double startSeconds, double sampleRateHz, Span<float> xG, Span<float> yG, Span<float> zG)
    {
        if (!(sampleRateHz > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), "the sample rate must be positive");
        }

        if (yG.Length != xG.Length || zG.Length != xG.Length)
        {
            throw new ArgumentException("the three axes must have the same length", nameof(yG));
        }

        var resonator = ResonatorFor(sampleRateHz);
        var dt = 1.0 / sampleRateHz;
        var wanderDecay = Math.Exp(-SlowUpdateSamples * dt / _settings.SpeedWanderTimeConstantSeconds);
        var wanderStep = _settings.SpeedWanderFraction * Math.Sqrt(1 - (wanderDecay * wanderDecay));
        var nominalShaftHz = _settings.ShaftSpeedRpm / 60.0;
        var gravityG = _settings.IncludeGravity ? 1.0 : 0.0;

        double imbalanceG = 0, misalignmentG = 0, outerImpactG = 0, innerImpactG = 0, ballImpactG = 0, noiseG = 0;
        for (var i = 0; i < xG.Length; i++)
        {
            var t = startSeconds + (i * dt);
            if (_samplesToSlowUpdate <= 0)
            {
                _speedWander = (_speedWander * wanderDecay) + (wanderStep * _vibrationNoise.Next());
                _samplesToSlowUpdate = SlowUpdateSamples;
            }

            _samplesToSlowUpdate--;
            if (i % SlowUpdateSamples == 0)
            {
                var faults = _settings.Faults;
                var bearingWear = Math.Max(faults.SeverityAt(FaultKind.OuterRace, t), Math.Max(faults.SeverityAt(FaultKind.InnerRace, t), faults.SeverityAt(FaultKind.Ball, t)));
                imbalanceG = _settings.ImbalanceG * (1 + (_settings.ShaftFaultGrowthFactor * faults.SeverityAt(FaultKind.Imbalance, t))
                    + (_settings.BearingLoosenessFactor * bearingWear));
                misalignmentG = _settings.MisalignmentG * (1 + (_settings.ShaftFaultGrowthFactor * faults.SeverityAt(FaultKind.Misalignment, t)));
                outerImpactG = _settings.BearingImpactG * faults.SeverityAt(FaultKind.OuterRace, t);
                innerImpactG = _settings.BearingImpactG * faults.SeverityAt(FaultKind.InnerRace, t);
                ballImpactG = _settings.BearingImpactG * faults.SeverityAt(FaultKind.Ball, t);
                noiseG = _settings.NoiseG * (1 + faults.WearAt(t));
            }

            var shaftHz = nominalShaftHz * (1 + _speedWander);
            _shaftPhaseRadians = WrapRadians(_shaftPhaseRadians + (2 * Math.PI * shaftHz * dt));
            _cagePhaseRadians = WrapRadians(_cagePhaseRadians + (2 * Math.PI * _cagePerShaftHz * shaftHz * dt));

            var excitation = 0.0;
            _outerRaceCycles += _outerRacePerShaftHz * shaftHz * dt;
            if (_outerRaceCycles >= _outerRaceThreshold)
            {
                // A stationary outer-race spall sits in the load zone: every ball strikes it alike.
                excitation += Impact(outerImpactG);
                _outerRaceCycles -= _outerRaceThreshold;
                _outerRaceThreshold = NextInterval();
            }

            _innerRaceCycles += _innerRacePerShaftHz * shaftHz * dt;
            if (_innerRaceCycles >= _innerRaceThreshold)
            {
                // An inner-race spall turns with the shaft in and out of the load zone: amplitude modulated at 1×.
                excitation += Impact(innerImpactG) * (0.5 + (0.5 * Math.Cos(_shaftPhaseRadians)));
                _innerRaceCycles -= _innerRaceThreshold;
                _innerRaceThreshold = NextInterval();
            }

            _ballCycles += _ballStrikesPerShaftHz * shaftHz * dt;
            if (_ballCycles >= _ballThreshold)
            {
                // A ball spall strikes both races once per spin and rides with the cage through the load zone.
                excitation += Impact(ballImpactG) * (0.5 + (0.5 * Math.Cos(_cagePhaseRadians)));
                _ballCycles -= _ballThreshold;
                _ballThreshold = NextInterval();
            }

            var ringing = resonator.Step(excitation);

            // One sin/cos pair per sample: sin(2φ + 0.4) = 2·sinφ·cosφ·cos 0.4 + (cos²φ − sin²φ)·sin 0.4.
            var (once, onceQuadrature) = Math.SinCos(_shaftPhaseRadians);
            var twice = (2 * once * onceQuadrature * TwiceCos) + (((onceQuadrature * onceQuadrature) - (once * once)) * TwiceSin);
            xG[i] = (float)((imbalanceG * once) + (0.5 * misalignmentG * twice) + ringing + (noiseG * _sensorNoise.Next()));
            yG[i] = (float)(gravityG + (imbalanceG * onceQuadrature) + (0.5 * misalignmentG * twice) + (0.6 * ringing) + (noiseG * _sensorNoise.Next()));
            zG[i] = (float)((0.3 * imbalanceG * once) + (misalignmentG * twice) + (0.3 * ringing) + (noiseG * _sensorNoise.Next()));
        }

        _nextSampleSeconds = startSeconds + (xG.Length * dt);
    }

    /// <summary>
    /// Ambient conditions at <paramref name="timeSeconds"/>: a daily sine (temperature peaking at 15:00, humidity opposite),
    /// a synoptic pressure swing, warming from load and wear, and sensor-scale noise.
    /// </summary>
    public EnvironmentConditions ConditionsAt(double timeSeconds)
    {
        var utc = _settings.StartUtc.AddSeconds(timeSeconds);
        var hourOfDay = utc.TimeOfDay.TotalHours;
        var daily = Math.Sin(2 * Math.PI * (hourOfDay - 9) / 24);
        var wear = _settings.Faults.WearAt(timeSeconds);
        var temperature = _settings.AmbientMeanCelsius + (_settings.AmbientDailySwingCelsius * daily)
            + (_settings.LoadTemperatureRiseCelsius * _settings.LoadFraction) + (_settings.WearTemperatureRiseCelsius * wear)
            + (_settings.TemperatureNoiseCelsius * _environmentNoise.Next());
        var humidity = _settings.HumidityMeanPercent - (_settings.HumidityDailySwingPercent * daily)
            + (_settings.HumidityNoisePercent * _environmentNoise.Next());
        var pressure = _settings.PressureMeanHectopascals
            + (_settings.PressureSwingHectopascals * Math.Sin(2 * Math.PI * timeSeconds / (_settings.PressurePeriodHours * 3600)))
            + (_settings.PressureNoiseHectopascals * _environmentNoise.Next());
        return new EnvironmentConditions(temperature, Math.Clamp(humidity, 0, 100), pressure);
    }

    /// <summary>Model time of the sample after the last one generated; NaN before the first <see cref="Fill"/>.</summary>
    public double NextSampleSeconds => _nextSampleSeconds;

    private double Impact(double amplitudeG)
    {
        if (amplitudeG <= 0)
        {
            return 0;
        }

        return amplitudeG * (1 + (_settings.ImpactAmplitudeJitter * _vibrationNoise.Next()));
    }

    private double NextInterval() => 1 + (_settings.ImpactIntervalJitter * _vibrationNoise.Next());

    private StructuralResonator ResonatorFor(double sampleRateHz)
    {
        if (_resonator is null || _resonatorSampleRateHz != sampleRateHz)
        {
            var frequencyHz = Math.Min(_settings.ResonanceHz, 0.4 * sampleRateHz);
            _resonator = new StructuralResonator(frequencyHz, _settings.ResonanceDampingRatio, sampleRateHz);
            _resonatorSampleRateHz = sampleRateHz;
        }

        return _resonator;
    }

    private static double WrapRadians(double phase) => phase >= 2 * Math.PI ? phase - (2 * Math.PI) : phase;
}
