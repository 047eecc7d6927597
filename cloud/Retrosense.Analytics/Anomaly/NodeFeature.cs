using System;
using Retrosense.Platform.Ingestion.Wire;

namespace Retrosense.Analytics.Anomaly;

/// <summary>
/// One node feature the anomaly baseline watches, on one axis: how to read it from a telemetry window and the floor its
/// logarithm is taken above (about the sensor's noise floor, so the log of a near-zero value does not swing wildly).
/// </summary>
/// <param name="Name">Axis and wire name, e.g. <c>x.env_bpfo_g</c>: what the anomaly drivers report.</param>
/// <param name="Floor">Values below this count as this (same unit as the feature).</param>
public sealed record NodeFeature(string Name, char Axis, Func<AxisFeaturesWire, double?> Read, double Floor);
