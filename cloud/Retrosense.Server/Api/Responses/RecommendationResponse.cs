using System;
using System.Text.Json;

namespace Retrosense.Server.Api.Responses;

/// <summary>
/// A stored recommendation. <c>setpoints</c> maps each control to its recommended value; <c>expectedEffect</c> holds the
/// model's claim (status, confidence, message, predicted outcome with 90 % interval, improvement, the inputs used) in
/// the snake_case the process module writes everywhere.
/// </summary>
public sealed record RecommendationResponse(
    long RecommendationId,
    string? AssetId,
    string? LineId,
    string ModelVersion,
    DateTimeOffset AtUtc,
    string Status,
    JsonElement Setpoints,
    JsonElement? ExpectedEffect,
    DateTimeOffset CreatedAtUtc);
