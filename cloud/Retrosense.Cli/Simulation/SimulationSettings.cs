using System;
using System.Collections.Generic;

namespace Retrosense.Cli.Simulation;

/// <summary>A checked <c>retrosense simulate</c> command line.</summary>
internal sealed record SimulationSettings(
    int NodeCount,
    Uri BrokerUri,
    string Tenant,
    string Site,
    IReadOnlyList<SimulatedFault> Faults,
    TimeSpan? Duration,
    double? TotalMessagesPerSecond,
    double TimeScale,
    int Seed,
    int WorkerCount,
    IReadOnlyDictionary<string, string>? Credentials = null)
{
    /// <summary>Node id of the fleet's <paramref name="index"/>-th node (0-based): node-001, node-002, ….</summary>
    public static string NodeId(int index) => "node-" + (index + 1).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
}
