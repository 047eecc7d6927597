namespace Retrosense.Cli.Simulation;

/// <summary>One line of a fault plan: which asset develops which fault, when it starts and how fast it grows.</summary>
/// <param name="Asset">Asset id of the simulated fleet (asset-001 … asset-N).</param>
/// <param name="Fault">The fault's name as the plan spells it (see <see cref="FaultPlanParser.FaultNames"/>).</param>
/// <param name="OnsetSeconds">Simulated seconds after the start when the fault appears.</param>
/// <param name="GrowthPerSecond">How fast its severity grows after onset, per simulated second (severity 1 = fully developed).</param>
/// <param name="InitialSeverity">Severity at onset, 0 to 1.</param>
internal sealed record SimulatedFault(string Asset, string Fault, double OnsetSeconds, double GrowthPerSecond, double InitialSeverity);
