using System;

namespace Retrosense.Server.ProcessOptimization;

/// <summary>
/// Where process models live and how often assets get recommendations. Settings section "Process" (appsettings.json or
/// environment, e.g. Process__IntervalMinutes=15): ModelsDirectory (default {data dir}/process-models), IntervalMinutes
/// (default 60; 0 turns the schedule off), ReadingsLookbackMinutes (default 60: how far back the latest readings may be).
/// A model for an asset is the folder {ModelsDirectory}/{tenant}/{asset} written by <c>retrosense process train</c>.
/// </summary>
public sealed class ProcessRecommendationOptions
{
    public string? ModelsDirectory { get; set; }

    public double IntervalMinutes { get; set; } = 60;

    public double ReadingsLookbackMinutes { get; set; } = 60;

    public TimeSpan Interval => TimeSpan.FromMinutes(IntervalMinutes);

    public TimeSpan ReadingsLookback => TimeSpan.FromMinutes(ReadingsLookbackMinutes);
}
