namespace Retrosense.Server.Api.Responses;

/// <summary>The environment summary of a telemetry window; a channel the node did not read is null.</summary>
public sealed record EnvironmentResponse(ChannelSummaryResponse? TemperatureCelsius, ChannelSummaryResponse? RelativeHumidityPercent, ChannelSummaryResponse? PressureHectopascals);
