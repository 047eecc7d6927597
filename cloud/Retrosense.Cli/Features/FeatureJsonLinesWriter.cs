using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Retrosense.Cli.Features;

/// <summary>
/// Writes one JSON object per window (JSON Lines), snake_case fields. Float features are written with float's shortest
/// round-trip form; a non-finite value (NaN, ∞) is written as null, as JSON has no number for it.
/// </summary>
internal sealed class FeatureJsonLinesWriter
{
    private readonly TextWriter _output;
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public FeatureJsonLinesWriter(TextWriter output)
    {
        _output = output;
    }

    public void Write(WindowFeatureRow row)
    {
        _buffer.Clear();
        using (var json = new Utf8JsonWriter(_buffer))
        {
            var axis = row.Axis;
            json.WriteStartObject();
            json.WriteNumber("window", row.WindowIndex);
            json.WriteNumber("start_s", row.StartSeconds);
            WriteFloat(json, "rms_g", axis.RmsG);
            WriteFloat(json, "peak_g", axis.PeakG);
            WriteFloat(json, "p2p_g", axis.PeakToPeakG);
            WriteFloat(json, "crest", axis.CrestFactor);
            WriteFloat(json, "kurtosis", axis.Kurtosis);
            WriteFloat(json, "skewness", axis.Skewness);
            WriteFloat(json, "vel_rms_mm_s", axis.VelocityRmsMmPerSecond);
            WriteFloat(json, "dominant_hz", axis.DominantFrequencyHz);
            WriteFloat(json, "env_rms_g", axis.EnvelopeRmsG);
            WriteFloat(json, "env_bpfo_g", axis.EnvelopeBpfoG);
            WriteFloat(json, "env_bpfi_g", axis.EnvelopeBpfiG);
            WriteFloat(json, "env_bsf_g", axis.EnvelopeBsfG);
            WriteFloat(json, "env_ftf_g", axis.EnvelopeFtfG);
            json.WriteString("zone", row.ZoneLetter);
            json.WriteEndObject();
        }

        _output.WriteLine(Encoding.UTF8.GetString(_buffer.WrittenSpan));
    }

    private static void WriteFloat(Utf8JsonWriter json, string name, float value)
    {
        if (float.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
