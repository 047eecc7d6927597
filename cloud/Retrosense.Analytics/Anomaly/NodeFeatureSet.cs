using System.Collections.Generic;
using Retrosense.Platform.Ingestion.Wire;

namespace Retrosense.Analytics.Anomaly;

/// <summary>
/// The node features the anomaly baseline watches, per axis: overall severity (velocity RMS, the ISO 10816 quantity;
/// acceleration RMS), impulsiveness (kurtosis, crest factor: early bearing damage) and the envelope (overall and at the
/// bearing defect frequencies BPFO, BPFI, BSF: the classic early indicator, Randall and Antoni 2011, "Rolling element
/// bearing diagnostics — a tutorial", MSSP 25). Band RMS values are left out: their names depend on each node's config.
/// </summary>
public static class NodeFeatureSet
{
    /// <summary>ADXL345 full-resolution step is 3.9 mg (data sheet Rev. G, Table 1); a tenth of it bounds acceleration-type logs.</summary>
    private const double AccelerationFloorG = 0.0004;

    /// <summary>0.01 mm/s is far below any ISO 10816-3 boundary (the lowest A/B boundary is 0.71 mm/s).</summary>
    private const double VelocityFloorMmPerSecond = 0.01;

    /// <summary>Kurtosis of a pure sine is 1.5, of Gaussian noise 3; crest factor is at least 1.</summary>
    private const double ShapeFloor = 1.0;

    public static IReadOnlyList<NodeFeature> All { get; } = Build();

    private static List<NodeFeature> Build()
    {
        var features = new List<NodeFeature>(24);
        foreach (var axis in "xyz")
        {
            features.Add(new NodeFeature(axis + ".vel_rms_mm_s", axis, wire => wire.VelocityRmsMmPerSecond, VelocityFloorMmPerSecond));
            features.Add(new NodeFeature(axis + ".rms_g", axis, wire => wire.RmsG, AccelerationFloorG));
            features.Add(new NodeFeature(axis + ".kurtosis", axis, wire => wire.Kurtosis, ShapeFloor));
            features.Add(new NodeFeature(axis + ".crest", axis, wire => wire.CrestFactor, ShapeFloor));
            features.Add(new NodeFeature(axis + ".env_rms_g", axis, wire => wire.EnvelopeRmsG, AccelerationFloorG));
            features.Add(new NodeFeature(axis + ".env_bpfo_g", axis, wire => wire.EnvelopeBpfoG, AccelerationFloorG));
            features.Add(new NodeFeature(axis + ".env_bpfi_g", axis, wire => wire.EnvelopeBpfiG, AccelerationFloorG));
            features.Add(new NodeFeature(axis + ".env_bsf_g", axis, wire => wire.EnvelopeBsfG, AccelerationFloorG));
        }

        return features;
    }

    /// <summary>The axis's features of a telemetry message.</summary>
    public static AxisFeaturesWire AxisOf(TelemetryWire telemetry, char axis) => axis switch
    {
        'x' => telemetry.Axes.X,
        'y' => telemetry.Axes.Y,
        _ => telemetry.Axes.Z,
    };
}
