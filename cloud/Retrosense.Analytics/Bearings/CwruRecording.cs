using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Retrosense.Recordings;

namespace Retrosense.Analytics.Bearings;

/// <summary>
/// The drive-end accelerometer signal of one CWRU recording with what the diagnosis needs to know about it: its label
/// (from the file name), its sample rate (from the CWRU catalogue by file number, see <see cref="CwruCatalogue"/>) and
/// the shaft speed (the file's <c>X…RPM</c> scalar, else the nominal speed for the load in the name).
/// </summary>
/// <param name="Path">The file as given.</param>
/// <param name="Name">The label read from the file name.</param>
/// <param name="ChannelName">The MAT variable the signal came from, e.g. <c>X105_DE_time</c>.</param>
/// <param name="SignalG">Drive-end acceleration in g (CWRU does not state units; g is the usual reading).</param>
/// <param name="SampleRateHz">Rate of <paramref name="SignalG"/>, in Hz.</param>
/// <param name="SampleRateSource">Where the rate came from, for the report.</param>
/// <param name="ShaftSpeedRpm">Shaft speed during the recording, in rpm.</param>
public sealed partial record CwruRecording(
    string Path,
    CwruRecordingName Name,
    string ChannelName,
    double[] SignalG,
    double SampleRateHz,
    string SampleRateSource,
    double ShaftSpeedRpm)
{
    private const string DriveEndSuffix = "_DE_time";

    /// <summary>Duration of the signal in seconds.</summary>
    public double DurationSeconds => SignalG.Length / SampleRateHz;

    /// <summary>Reads a CWRU .mat file.</summary>
    /// <param name="path">The file; its name carries the label (see <see cref="CwruRecordingName"/>).</param>
    /// <param name="sampleRateOverridesHz">Rates given by the user, keyed by file name stem (e.g. <c>IR007_0</c>) or path;
    /// they win over the catalogue, for files it does not list.</param>
    /// <exception cref="BearingDataException">Unknown label, no drive-end signal, unknown rate, a fan-end fault file, or not a MAT-file.</exception>
    public static CwruRecording Load(string path, IReadOnlyDictionary<string, double>? sampleRateOverridesHz = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = CwruRecordingName.Parse(path);
        if (!File.Exists(path))
        {
            throw new BearingDataException($"{path}: file not found");
        }

        IReadOnlyList<MatVariable> variables;
        try
        {
            variables = MatFile.Read(path);
        }
        catch (RecordingFormatException exception)
        {
            throw new BearingDataException(exception.Message, exception);
        }

        var driveEnd = variables.Where(v => v.Name.EndsWith(DriveEndSuffix, StringComparison.Ordinal) && v.IsVector && v.Data.Length > 1).ToList();
        if (driveEnd.Count == 0)
        {
            var names = variables.Count == 0 ? "no numeric variables" : string.Join(", ", variables.Select(v => v.Name));
            throw new BearingDataException($"{path}: no drive-end signal (a vector variable named *{DriveEndSuffix}); the file has {names}");
        }

        var rpmVariable = variables.FirstOrDefault(v => v.Data.Length == 1 && v.Name.EndsWith("RPM", StringComparison.OrdinalIgnoreCase));
        var rpmFileNumber = rpmVariable is null ? null : FileNumber(rpmVariable.Name);

        // Some CWRU files hold two recordings' channels (99.mat has X098_* and X099_*): take the one the RPM belongs to.
        var channel = driveEnd.FirstOrDefault(v => rpmFileNumber is not null && FileNumber(v.Name) == rpmFileNumber) ?? driveEnd[0];
        var fileNumber = FileNumber(channel.Name);
        if (fileNumber is { } number && CwruCatalogue.IsFanEndFault(number))
        {
            throw new BearingDataException(
                $"{path}: CWRU file {number} is from the \"12k Fan End\" set: its defect is in the fan-end bearing, so the drive-end channel this diagnosis reads does not carry it");
        }

        foreach (var sample in channel.Data)
        {
            if (!double.IsFinite(sample))
            {
                throw new BearingDataException($"{path}: {channel.Name} holds a NaN or infinite sample");
            }
        }

        var (rateHz, rateSource) = SampleRate(path, name, fileNumber, sampleRateOverridesHz);
        var rpm = rpmVariable?.Data[0] is > 0 and var stored && double.IsFinite(stored)
            ? stored
            : name.MotorLoadHorsepower is { } load
                ? CwruCatalogue.NominalShaftSpeedRpmByLoadHorsepower[load]
                : throw new BearingDataException($"{path}: no X…RPM variable and no motor load in the name (_0 … _3): the shaft speed is unknown");
        return new CwruRecording(path, name, channel.Name, channel.Data, rateHz, rateSource, rpm);
    }

    private static (double RateHz, string Source) SampleRate(string path, CwruRecordingName name, int? fileNumber, IReadOnlyDictionary<string, double>? overrides)
    {
        if (overrides is not null && (overrides.TryGetValue(path, out var given) || overrides.TryGetValue(name.Stem, out given)))
        {
            return (given, "given");
        }

        if (fileNumber is { } number && CwruCatalogue.SampleRateHz(number) is { } catalogued)
        {
            return (catalogued, string.Create(CultureInfo.InvariantCulture, $"CWRU catalogue, file {number}"));
        }

        // The CWRU-1 collection files recordings under folders named 12k_DE, 48k_DE, 12k_FE.
        var folders = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? string.Empty;
        if (folders.Contains("48k", StringComparison.OrdinalIgnoreCase))
        {
            return (CwruCatalogue.FortyEightKilohertz, "folder name (48k)");
        }

        if (folders.Contains("12k", StringComparison.OrdinalIgnoreCase))
        {
            return (CwruCatalogue.TwelveKilohertz, "folder name (12k)");
        }

        var numberText = fileNumber is null ? "no CWRU file number in its variable names" : $"CWRU file {fileNumber} is not in the catalogue";
        throw new BearingDataException($"{path}: cannot tell the sample rate ({numberText}, no 12k/48k folder): give it as {name.Stem}=HZ");
    }

    // "X105_DE_time" → 105, "X105RPM" → 105.
    private static int? FileNumber(string variableName)
    {
        var match = FileNumberPattern().Match(variableName);
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    [GeneratedRegex(@"^X(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex FileNumberPattern();
}
