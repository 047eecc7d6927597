using Retrosense.Platform.Ingestion.Wire;

namespace Retrosense.Server.Scoring;

/// <summary>A stored telemetry message waiting to be scored.</summary>
public sealed record ScoringWindow(string NodeId, TelemetryWire Telemetry);
