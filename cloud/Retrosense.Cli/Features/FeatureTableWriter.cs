using System.Globalization;
using System.IO;

namespace Retrosense.Cli.Features;

/// <summary>Writes the per-window features as a fixed-width table for people (use --json for scripts).</summary>
internal sealed class FeatureTableWriter
{
    private static readonly (string Header, int Width)[] Columns =
    [
        ("window", 6), ("start_s", 9), ("rms_g", 9), ("peak_g", 9), ("p2p_g", 9), ("crest", 7), ("kurtosis", 8), ("skewness", 8),
        ("vel_mm_s", 9), ("dom_hz", 8), ("env_rms_g", 9), ("env_bpfo", 9), ("env_bpfi", 9), ("env_bsf", 9), ("env_ftf", 9), ("zone", 4),
    ];

    private readonly TextWriter _output;

    public FeatureTableWriter(TextWriter output)
    {
        _output = output;
    }

    public void WriteHeader()
    {
        var cells = new string[Columns.Length];
        for (var i = 0; i < Columns.Length; i++)
        {
            cells[i] = Columns[i].Header;
        }

        WriteCells(cells);
    }

    public void Write(WindowFeatureRow row)
    {
        var axis = row.Axis;
        WriteCells(
        [
            row.WindowIndex.ToString(CultureInfo.InvariantCulture),
            row.StartSeconds.ToString("F3", CultureInfo.InvariantCulture),
            Format(axis.RmsG, "F4"),
            Format(axis.PeakG, "F4"),
            Format(axis.PeakToPeakG, "F4"),
            Format(axis.CrestFactor, "F2"),
            Format(axis.Kurtosis, "F2"),
            Format(axis.Skewness, "F2"),
            Format(axis.VelocityRmsMmPerSecond, "F3"),
            Format(axis.DominantFrequencyHz, "F1"),
            Format(axis.EnvelopeRmsG, "F4"),
            Format(axis.EnvelopeBpfoG, "F4"),
            Format(axis.EnvelopeBpfiG, "F4"),
            Format(axis.EnvelopeBsfG, "F4"),
            Format(axis.EnvelopeFtfG, "F4"),
            row.ZoneLetter,
        ]);
    }

    private void WriteCells(string[] cells)
    {
        var line = new System.Text.StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                line.Append("  ");
            }

            line.Append(cells[i].PadLeft(Columns[i].Width));
        }

        _output.WriteLine(line.ToString());
    }

    private static string Format(float value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
