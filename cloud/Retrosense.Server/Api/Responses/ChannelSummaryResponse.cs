namespace Retrosense.Server.Api.Responses;

/// <summary>Mean, minimum and maximum of one environment channel over a window, in the channel's unit.</summary>
public sealed record ChannelSummaryResponse(double? Mean, double? Min, double? Max);
