using Retrosense.Platform.Ingestion.Wire;

namespace Retrosense.Analytics.Bearings;

/// <summary>The node features of one window of a labelled recording, in the shape the server stores telemetry axes.</summary>
/// <param name="Source">The recording (file stem) the window belongs to; splits and grouped cross-validation keep a source on one side.</param>
/// <param name="Part">The stretch of the recording the window lies in.</param>
/// <param name="Label">The recording's condition.</param>
/// <param name="WindowIndex">Index of the window within its part.</param>
/// <param name="StartSeconds">Start of the window from the start of the recording, in seconds.</param>
/// <param name="Features">The X-axis features the node computed.</param>
public sealed record BearingFeatureWindow(
    string Source,
    RecordingPart Part,
    BearingFaultClass Label,
    int WindowIndex,
    double StartSeconds,
    AxisFeaturesWire Features);
