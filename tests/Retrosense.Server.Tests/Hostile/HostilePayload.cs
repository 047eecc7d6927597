namespace Retrosense.Server.Tests.Hostile;

/// <summary>One bad publish: where it goes, what it carries and, for a failure message, what it is.</summary>
/// <param name="Kind">Which kind of bad input it is.</param>
/// <param name="Topic">The MQTT topic it is published on.</param>
/// <param name="Payload">The payload bytes.</param>
/// <param name="Description">What was done to it, short enough for an assertion message.</param>
public sealed record HostilePayload(HostilePayloadKind Kind, string Topic, byte[] Payload, string Description);
