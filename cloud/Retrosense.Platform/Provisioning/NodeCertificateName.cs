using System;
using Retrosense.Contracts;

namespace Retrosense.Platform.Provisioning;

/// <summary>
/// The certificate common name of a node, which Mosquitto's <c>use_identity_as_username</c> turns into the MQTT username
/// the ACL is written for: <c>{tenant}:{node}</c>. Node ids are unique within a tenant only, so the tenant must be part of
/// the name; ':' is outside the id alphabet of <see cref="TopicPath"/> (A–Z a–z 0–9 . _ -), so the name splits back into
/// exactly one tenant and node (a '.' separator would not: "a.b" + "c" and "a" + "b.c" would collide).
/// </summary>
public static class NodeCertificateName
{
    public const char Separator = ':';

    public static string CommonName(string tenant, string node)
    {
        RequireSegment("tenant", tenant);
        RequireSegment("node", node);
        return tenant + Separator + node;
    }

    public static bool TryParse(string? commonName, out string tenant, out string node)
    {
        tenant = string.Empty;
        node = string.Empty;
        if (commonName is null)
        {
            return false;
        }

        var split = commonName.IndexOf(Separator, StringComparison.Ordinal);
        if (split < 0)
        {
            return false;
        }

        var tenantPart = commonName[..split];
        var nodePart = commonName[(split + 1)..];
        if (!TopicPath.IsValidSegment(tenantPart) || !TopicPath.IsValidSegment(nodePart))
        {
            return false;
        }

        tenant = tenantPart;
        node = nodePart;
        return true;
    }

    private static void RequireSegment(string name, string value)
    {
        var problem = TopicPath.SegmentProblem(value);
        if (problem is not null)
        {
            throw new ArgumentException($"{name} id '{value}' {problem}", name);
        }
    }
}
