using System;
using System.Text.Json;

namespace Retrosense.Server.Api.Responses;

/// <summary>One model output for an asset at a telemetry window's time.</summary>
/// <param name="Kind"><c>anomaly</c> (value: health score 0–100; label normal / anomaly / learning), <c>failure_risk</c>, <c>rul</c> or <c>fault_type</c>.</param>
/// <param name="ModelVersion">The registry version that scored it; <c>learning</c> while an asset has no anomaly baseline yet.</param>
/// <param name="Details">What explains it: for anomaly the drivers (feature, robust deviation, ratio to normal), the baseline state ("learning, 12 of 60 windows"), the ISO zone and its trend.</param>
public sealed record PredictionResponse(
    string Kind,
    string ModelName,
    string ModelVersion,
    string? NodeId,
    DateTime TimestampUtc,
    double? Value,
    string? Label,
    JsonElement? Details,
    DateTime CreatedAtUtc);
