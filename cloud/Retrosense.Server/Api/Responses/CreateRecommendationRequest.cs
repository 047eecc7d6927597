using System.Collections.Generic;

namespace Retrosense.Server.Api.Responses;

/// <summary>
/// Body of POST …/assets/{asset}/recommendations. Every part is optional: conditions and current settings left out come
/// from the asset's latest readings; bounds are {low, high} per control; maxStep is the largest change per control.
/// </summary>
public sealed record CreateRecommendationRequest(
    Dictionary<string, double>? Conditions,
    Dictionary<string, double>? Current,
    Dictionary<string, BoundsRequest>? Bounds,
    Dictionary<string, double>? MaxStep,
    string? RequestedBy);
