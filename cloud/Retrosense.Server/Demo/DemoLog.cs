using System;
using Microsoft.Extensions.Logging;

namespace Retrosense.Server.Demo;

/// <summary>Structured log lines of the demo fleet.</summary>
internal static partial class DemoLog
{
    [LoggerMessage(EventId = 4600, Level = LogLevel.Debug, Message = "Demo node {NodeId}: {NodeMessage}")]
    public static partial void NodeInfo(ILogger logger, string nodeId, string nodeMessage);

    [LoggerMessage(EventId = 4601, Level = LogLevel.Warning, Message = "Demo node {NodeId}: {NodeMessage}")]
    public static partial void NodeWarning(ILogger logger, string nodeId, string nodeMessage);

    [LoggerMessage(EventId = 4602, Level = LogLevel.Error, Message = "Demo node {NodeId}: {NodeMessage}")]
    public static partial void NodeError(ILogger logger, string nodeId, string nodeMessage);

    [LoggerMessage(EventId = 4603, Level = LogLevel.Information, Message = "Demo fleet {Action}: tenant {TenantId}, {NodeCount} node(s) publishing to {Broker}; asset {FaultyAssetId} develops an outer-race bearing fault")]
    public static partial void Started(ILogger logger, DemoSeedAction action, string tenantId, int nodeCount, Uri broker, string faultyAssetId);

    [LoggerMessage(EventId = 4604, Level = LogLevel.Warning, Message = "Demo fleet not started: the store already holds node data and has no demo tenant (nothing was seeded)")]
    public static partial void SkippedStoreInUse(ILogger logger);

    [LoggerMessage(EventId = 4605, Level = LogLevel.Warning, Message = "Demo fleet not started: it needs the embedded broker, and this server ingests from {Broker} (run without --broker, or with --no-demo)")]
    public static partial void NeedsEmbeddedBroker(ILogger logger, string broker);

    [LoggerMessage(EventId = 4606, Level = LogLevel.Error, Message = "Demo fleet failed to start; the server keeps running without it")]
    public static partial void Failed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4607, Level = LogLevel.Information, Message = "Demo fleet stopped: {NodeCount} node(s) published their death and disconnected; {DeathsStored} death message(s) stored after waiting {WaitedMilliseconds} ms")]
    public static partial void Stopped(ILogger logger, int nodeCount, int deathsStored, double waitedMilliseconds);

    [LoggerMessage(EventId = 4608, Level = LogLevel.Error, Message = "Demo node {NodeId} poll failed")]
    public static partial void PollFailed(ILogger logger, Exception exception, string nodeId);
}
