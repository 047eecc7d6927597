namespace Retrosense.Server.Api.Responses;

public sealed record BoundsRequest(double Low, double High);
