using System.Collections.Generic;

namespace Retrosense.Server.Api.Responses;

/// <summary>The features of one axis of a telemetry window, in the wire contract's units; null = the node could not compute it.</summary>
/// <param name="BandsG">RMS acceleration per configured band (g), keyed by band name; null without bands.</param>
public sealed record AxisFeaturesResponse(
    double? RmsG,
    double? PeakG,
    double? PeakToPeakG,
    double? CrestFactor,
    double? Kurtosis,
    double? Skewness,
    double? VelocityRmsMmPerSecond,
    double? DominantFrequencyHz,
    double? EnvelopeRmsG,
    double? EnvelopeBpfoG,
    double? EnvelopeBpfiG,
    double? EnvelopeBsfG,
    double? EnvelopeFtfG,
    IReadOnlyDictionary<string, double?>? BandsG);
