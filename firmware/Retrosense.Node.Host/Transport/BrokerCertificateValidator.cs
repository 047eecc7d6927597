using System;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Retrosense.Node.Host.Transport;

/// <summary>
/// Trusts a broker certificate only when it chains to one given CA (the tenant's or the site's), not to whatever the system
/// store holds, and when its name matches the host the node dialled.
/// </summary>
public sealed class BrokerCertificateValidator
{
    private readonly X509Certificate2 _certificateAuthority;

    public BrokerCertificateValidator(X509Certificate2 certificateAuthority)
    {
        ArgumentNullException.ThrowIfNull(certificateAuthority);
        _certificateAuthority = certificateAuthority;
    }

    public static BrokerCertificateValidator FromPemFile(string caPath) => new(X509Certificate2.CreateFromPemFile(caPath));

    /// <summary>True when <paramref name="certificate"/> chains to the CA and no name error was reported.</summary>
    public bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_certificateAuthority);

        // Site brokers have no reachable CRL or OCSP endpoint; revocation is enforced by the broker refusing revoked nodes.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = new X509Certificate2(certificate);
        return chain.Build(presented);
    }
}
