using System;

namespace Retrosense.Node.Host.Simulation;

/// <summary>A signal that feeds a simulated or emulated accelerometer: acceleration in g on three axes.</summary>
public interface IVibrationSource
{
    /// <summary>
    /// Fills <paramref name="xG"/>, <paramref name="yG"/> and <paramref name="zG"/> (equal lengths) with consecutive samples
    /// taken at <paramref name="sampleRateHz"/>, the first at <paramref name="startSeconds"/> of source time. A source may keep
    /// state (phases, noise): successive calls should continue where the previous one ended; a call that does not jumps there.
    /// </summary>
    void Fill(double startSeconds, double sampleRateHz, Span<float> xG, Span<float> yG, Span<float> zG);
}
