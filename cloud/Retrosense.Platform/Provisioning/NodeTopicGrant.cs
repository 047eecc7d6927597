namespace Retrosense.Platform.Provisioning;

/// <summary>A node allowed on the broker, with the place its topics carry.</summary>
public sealed record NodeTopicGrant(string Tenant, string Site, string Asset, string Node);
