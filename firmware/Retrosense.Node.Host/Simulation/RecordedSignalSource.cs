using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Retrosense.Recordings;

namespace Retrosense.Node.Host.Simulation;

/// <summary>
/// Replays a recorded vibration signal (in g) as the X axis of a simulated accelerometer, resampled to the rate the node
/// asks for (<see cref="SincResampler"/>) and looped; Y and Z read 0. Sample k of the node's stream is recording sample
/// k mod length at the node's rate, so a replay is exact and repeatable.
/// </summary>
public sealed class RecordedSignalSource : IVibrationSource
{
    /// <summary>Sample rate of the CWRU "12k Drive End Bearing Fault Data" files (shared/data/bearing/README.md).</summary>
    public const double CwruDriveEndRateHz = 12000;

    /// <summary>Suffix CWRU gives its drive-end accelerometer channels, the channel nearest the test bearing.</summary>
    private const string DriveEndSuffix = "_DE_time";

    private readonly double[] _signalG;
    private readonly Dictionary<double, float[]> _resampled = [];

    public RecordedSignalSource(double[] signalG, double recordingRateHz, string name)
    {
        ArgumentNullException.ThrowIfNull(signalG);
        if (signalG.Length < 2)
        {
            throw new ArgumentException("a recording needs at least two samples", nameof(signalG));
        }

        if (!(recordingRateHz > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(recordingRateHz), "the recording's sample rate must be positive");
        }

        _signalG = signalG;
        RecordingRateHz = recordingRateHz;
        Name = name;
    }

    public double RecordingRateHz { get; }

    /// <summary>The file and channel replayed, for logs.</summary>
    public string Name { get; }

    public double DurationSeconds => _signalG.Length / RecordingRateHz;

    /// <summary>
    /// Loads a channel from a MAT-file (.mat: the named variable, else the first vector preferring a CWRU *_DE_time one) or
    /// a CSV file (the named column, else the first numeric one).
    /// </summary>
    /// <exception cref="RecordingFormatException">The file cannot be read as asked.</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static RecordedSignalSource Load(string path, double recordingRateHz, string? channel = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"recording '{path}' not found", path);
        }

        if (string.Equals(Path.GetExtension(path), ".mat", StringComparison.OrdinalIgnoreCase))
        {
            var chosen = channel is not null
                ? MatFile.ReadVariable(path, channel)
                : MatFile.Read(path).Where(v => v.IsVector && v.Data.Length > 1)
                    .OrderByDescending(v => v.Name.EndsWith(DriveEndSuffix, StringComparison.Ordinal))
                    .FirstOrDefault() ?? throw new RecordingFormatException($"{path}: no numeric vector variable to replay");
            return new RecordedSignalSource(chosen.Data, recordingRateHz, Path.GetFileName(path) + ":" + chosen.Name);
        }

        var column = CsvSignal.Read(path, channel);
        return new RecordedSignalSource(column.Values, recordingRateHz, Path.GetFileName(path) + ":" + column.Name);
    }

    public void Fill(double startSeconds, double sampleRateHz, Span<float> xG, Span<float> yG, Span<float> zG)
    {
        var loop = ResampledAt(sampleRateHz);
        var index = (long)Math.Round(startSeconds * sampleRateHz) % loop.Length;
        for (var i = 0; i < xG.Length; i++)
        {
            xG[i] = loop[index];
            index = index + 1 == loop.Length ? 0 : index + 1;
        }

        yG.Clear();
        zG.Clear();
    }

    private float[] ResampledAt(double sampleRateHz)
    {
        if (!_resampled.TryGetValue(sampleRateHz, out var loop))
        {
            loop = SincResampler.Resample(_signalG, RecordingRateHz, sampleRateHz);
            _resampled[sampleRateHz] = loop;
        }

        return loop;
    }
}
