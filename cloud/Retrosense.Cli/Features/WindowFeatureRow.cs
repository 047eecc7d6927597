using Retrosense.Node.Dsp;
using Retrosense.Node.Thresholds;

namespace Retrosense.Cli.Features;

/// <summary>The features of one window of the analysed channel, as <c>retrosense features</c> prints them.</summary>
/// <param name="WindowIndex">0-based window number.</param>
/// <param name="StartSeconds">Time of the window's first sample from the start of the recording, in seconds.</param>
/// <param name="Axis">Features of the analysed channel (the window's X axis).</param>
/// <param name="Zone">ISO 10816-3 zone of the window's velocity RMS.</param>
internal sealed record WindowFeatureRow(int WindowIndex, double StartSeconds, AxisFeatures Axis, IsoZone Zone)
{
    /// <summary>The zone letter; a switch rather than Enum.ToString, as on the wire.</summary>
    public string ZoneLetter => Zone switch
    {
        IsoZone.A => "A",
        IsoZone.B => "B",
        IsoZone.C => "C",
        _ => "D",
    };

    /// <summary>
    /// ISO 10816-3 zone of a velocity RMS: below A/B → A, below B/C → B, below C/D → C, else D.
    /// </summary>
    /// <param name="velocityRmsMmPerSecond">Broadband velocity RMS, mm/s.</param>
    /// <param name="boundariesMmPerSecond">A/B, B/C, C/D boundaries in mm/s.</param>
    public static IsoZone ZoneOf(float velocityRmsMmPerSecond, float[] boundariesMmPerSecond)
    {
        if (velocityRmsMmPerSecond < boundariesMmPerSecond[0])
        {
            return IsoZone.A;
        }

        if (velocityRmsMmPerSecond < boundariesMmPerSecond[1])
        {
            return IsoZone.B;
        }

        return velocityRmsMmPerSecond < boundariesMmPerSecond[2] ? IsoZone.C : IsoZone.D;
    }
}
