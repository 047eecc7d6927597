using System;
using Microsoft.Extensions.Logging;

namespace Retrosense.Server.Scoring;

/// <summary>Structured log lines of live scoring (event ids 47xx).</summary>
internal static partial class ScoringLog
{
    [LoggerMessage(EventId = 4700, Level = LogLevel.Information, Message = "Live scoring started: baseline after {MinimumWindows} healthy windows, anomaly warning below health {WarningBelow} for {RaiseAfter} windows")]
    public static partial void Started(ILogger logger, int minimumWindows, double warningBelow, int raiseAfter);

    [LoggerMessage(EventId = 4701, Level = LogLevel.Information, Message = "Anomaly baseline {Version} of {Asset} registered and promoted (model {ModelId}, {Windows} windows, {How})")]
    public static partial void BaselinePromoted(ILogger logger, string asset, int version, long modelId, int windows, string how);

    [LoggerMessage(EventId = 4702, Level = LogLevel.Error, Message = "Scoring pass over {Assets} assets failed; their windows are not scored")]
    public static partial void PassFailed(ILogger logger, Exception exception, int assets);

    [LoggerMessage(EventId = 4703, Level = LogLevel.Warning, Message = "Model {ModelId} of {Asset} cannot be read as an anomaly baseline; learning anew: {Reason}")]
    public static partial void BaselineUnreadable(ILogger logger, long modelId, string asset, string reason);

    [LoggerMessage(EventId = 4704, Level = LogLevel.Error, Message = "Seeding the demo fleet's anomaly baselines failed; they learn from live telemetry instead")]
    public static partial void DemoBaselinesFailed(ILogger logger, Exception exception);
}
