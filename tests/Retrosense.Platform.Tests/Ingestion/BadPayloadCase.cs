namespace Retrosense.Platform.Tests.Ingestion;

/// <summary>One generated bad message.</summary>
/// <param name="Category">Which generator made it (truncation, type swap, …), for the report.</param>
/// <param name="Description">What was done to which golden file, for a failure message.</param>
/// <param name="Topic">Topic it is decoded on.</param>
/// <param name="Payload">The payload bytes.</param>
/// <param name="MustReject">True when no such message can be valid; false when the change may leave a schema-valid
/// message (a measured value swapped to null, a flipped digit), which JsonSchema.Net then decides.</param>
internal sealed record BadPayloadCase(string Category, string Description, string Topic, byte[] Payload, bool MustReject);
