using System;

namespace Retrosense.Platform.Registry;

/// <summary>A company using Retrosense; every other registry entry belongs to exactly one tenant.</summary>
public sealed record Tenant
{
    public Tenant(string tenantId, string displayName, DateTimeOffset createdAtUtc)
    {
        TenantId = RegistryValidation.RequireId("tenant", tenantId);
        DisplayName = RegistryValidation.RequireText("tenant display name", displayName);
        CreatedAtUtc = RegistryValidation.ToUtc(createdAtUtc);
    }

    /// <summary>The tenant level of every topic (<c>retrosense/v1/{tenant}/…</c>).</summary>
    public string TenantId { get; }

    public string DisplayName { get; }

    public DateTimeOffset CreatedAtUtc { get; }
}
