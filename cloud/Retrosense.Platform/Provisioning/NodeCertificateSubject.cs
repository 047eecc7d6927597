namespace Retrosense.Platform.Provisioning;

/// <summary>Where a node sits in the hierarchy; carried in its certificate (CN and a URI SAN) and in its topics.</summary>
public sealed record NodeCertificateSubject(string Tenant, string Site, string Asset, string Node)
{
    public string CommonName => NodeCertificateName.CommonName(Tenant, Node);

    /// <summary>URI subject alternative name stating the node's full place, e.g. <c>urn:retrosense:node:acme:plant1:pump7:n1</c>.</summary>
    public string UniformResourceName => $"urn:retrosense:node:{Tenant}:{Site}:{Asset}:{Node}";
}
