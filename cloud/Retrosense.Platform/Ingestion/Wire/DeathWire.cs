namespace Retrosense.Platform.Ingestion.Wire;

/// <summary>A <c>death</c> message: header only (shared/schemas/death.schema.json).</summary>
public sealed record DeathWire : NodeMessageWire;
