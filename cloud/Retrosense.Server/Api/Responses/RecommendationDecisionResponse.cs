using System;

namespace Retrosense.Server.Api.Responses;

public sealed record RecommendationDecisionResponse(string Decision, string By, string? Reason, DateTimeOffset AtUtc);
