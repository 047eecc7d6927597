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
    private readonly X509Certificate2Collection _certificateAuthorities;

    public BrokerCertificateValidator(X509Certificate2 certificateAuthority)
        : this(new X509Certificate2Collection(certificateAuthority))
    {
    }

    public BrokerCertificateValidator(X509Certificate2Collection certificateAuthorities)
    {
        ArgumentNullException.ThrowIfNull(certificateAuthorities);
        if (certificateAuthorities.Count == 0)
        {
            throw new ArgumentException("at least one CA certificate is needed", nameof(certificateAuthorities));
        }

        _certificateAuthorities = certificateAuthorities;
    }

    /// <summary>Trusts every certificate in a PEM file (one CA, or a bundle of them).</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The file holds no PEM certificate.</exception>
    public static BrokerCertificateValidator FromPemFile(string caPath)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(caPath);
        if (authorities.Count == 0)
        {
            throw new System.Security.Cryptography.CryptographicException($"no PEM certificate in '{caPath}'");
        }

        return new BrokerCertificateValidator(authorities);
    }

    /// <summary>True when <paramref name="certificate"/> chains to the CA and no name error was reported.</summary>
    public bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_certificateAuthorities);

        // Site brokers have no reachable CRL or OCSP endpoint; revocation is enforced by the broker refusing revoked nodes.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = new X509Certificate2(certificate);
        return chain.Build(presented);
    }
}
