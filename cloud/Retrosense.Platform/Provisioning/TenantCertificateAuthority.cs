using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using Retrosense.Contracts;

namespace Retrosense.Platform.Provisioning;

/// <summary>
/// A tenant's own certificate authority: a self-signed ECDSA P-256 CA created on first use in <c>{pki}/{tenant}/</c>,
/// which signs node, service and broker certificates, keeps a ledger of them and writes the CRL the broker enforces.
/// ECDSA P-256 because it is what OpenSSL (Mosquitto), .NET (MQTTnet) and mbedTLS (nanoFramework's TLS stack on ESP32 and
/// STM32) all handle, with keys and signatures a fraction of RSA 2048's size on a node with ~80 KiB of heap.
/// </summary>
public sealed class TenantCertificateAuthority : IDisposable
{
    public const string CertificateFileName = "ca.crt";
    public const string KeyFileName = "ca.key";
    public const string CrlFileName = "ca.crl";

    /// <summary>CA lifetime: long enough to outlive the retrofit hardware it signs for.</summary>
    public static readonly TimeSpan CaValidity = TimeSpan.FromDays(3652);

    /// <summary>Node and service certificate lifetime; renewal means re-provisioning the node.</summary>
    public static readonly TimeSpan ClientValidity = TimeSpan.FromDays(730);

    /// <summary>Back-dating of notBefore so a node whose clock is a few minutes behind still accepts a fresh certificate.</summary>
    private static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(5);

    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    /// <summary>Lock file held while the CA is open, so two provisioning runs never interleave ledger and CRL writes.</summary>
    private const string LockFileName = ".lock";

    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private readonly CertificateLedger _ledger;
    private readonly FileStream _lock;

    private TenantCertificateAuthority(string tenant, string directory, X509Certificate2 certificate, bool wasCreated, FileStream heldLock)
    {
        Tenant = tenant;
        Directory = directory;
        Certificate = certificate;
        WasCreated = wasCreated;
        _lock = heldLock;
        _ledger = CertificateLedger.Open(directory);
    }

    public string Tenant { get; }

    /// <summary>The tenant's PKI folder (owner-only).</summary>
    public string Directory { get; }

    /// <summary>The CA certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>True when this call created the CA (first use for the tenant).</summary>
    public bool WasCreated { get; }

    public string CertificatePath => Path.Combine(Directory, CertificateFileName);

    public string CrlPath => Path.Combine(Directory, CrlFileName);

    public string CertificatePem => Certificate.ExportCertificatePem() + "\n";

    public IReadOnlyList<CertificateLedgerEntry> IssuedCertificates => _ledger.Entries;

    /// <summary>Opens the tenant's CA under <paramref name="pkiRoot"/>, creating it (and an empty CRL) on first use.</summary>
    public static TenantCertificateAuthority OpenOrCreate(string pkiRoot, string tenant, DateTimeOffset now)
    {
        var problem = TopicPath.SegmentProblem(tenant);
        if (problem is not null)
        {
            throw new ArgumentException($"tenant id '{tenant}' {problem}", nameof(tenant));
        }

        var directory = Path.GetFullPath(Path.Combine(pkiRoot, tenant));
        OwnerOnlyFiles.CreateDirectory(directory);
        var heldLock = AcquireLock(directory);
        try
        {
            return OpenOrCreateLocked(tenant, directory, now, heldLock);
        }
        catch
        {
            heldLock.Dispose();
            throw;
        }
    }

    /// <summary>Signs a node's client certificate (CN = tenant:node, URI SAN with its place, clientAuth). Earlier certificates of the same node are revoked as superseded.</summary>
    public IssuedCertificate IssueNodeCertificate(NodeCertificateSubject subject, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!string.Equals(subject.Tenant, Tenant, StringComparison.Ordinal))
        {
            throw new ArgumentException($"node of tenant '{subject.Tenant}' cannot be signed by the CA of tenant '{Tenant}'", nameof(subject));
        }

        var names = new SubjectAlternativeNameBuilder();
        names.AddUri(new Uri(subject.UniformResourceName));
        var superseded = _ledger.Revoke(subject.CommonName, "superseded by a new certificate", now, superseded: true);
        var issued = Issue(subject.CommonName, CertificatePurpose.Node, ClientAuthentication, names, now, ClientValidity);
        if (superseded > 0)
        {
            WriteCrl(now);
        }

        return issued;
    }

    /// <summary>Signs a privileged client certificate (the cloud's ingestion, an operator tool): CN = <paramref name="commonName"/>, clientAuth.</summary>
    public IssuedCertificate IssueServiceCertificate(string commonName, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(commonName) || commonName.Contains(NodeCertificateName.Separator, StringComparison.Ordinal))
        {
            throw new ArgumentException($"service name '{commonName}' must be non-empty and must not contain '{NodeCertificateName.Separator}' (reserved for node names)", nameof(commonName));
        }

        return Issue(commonName, CertificatePurpose.Service, ClientAuthentication, null, now, ClientValidity);
    }

    /// <summary>Signs a broker TLS server certificate for the given host names and addresses (serverAuth).</summary>
    public IssuedCertificate IssueBrokerCertificate(IEnumerable<string> hostNames, IEnumerable<IPAddress> addresses, DateTimeOffset now)
    {
        var names = new SubjectAlternativeNameBuilder();
        var hostList = hostNames.ToList();
        foreach (var host in hostList)
        {
            names.AddDnsName(host);
        }

        foreach (var address in addresses)
        {
            names.AddIpAddress(address);
        }

        return Issue(hostList.FirstOrDefault() ?? "broker", CertificatePurpose.Broker, ServerAuthentication, names, now, ClientValidity);
    }

    /// <summary>Revokes every valid certificate issued to <paramref name="commonName"/> and rewrites the CRL; returns how many were revoked.</summary>
    public int Revoke(string commonName, string reason, DateTimeOffset now)
    {
        var count = _ledger.Revoke(commonName, reason, now, superseded: false);
        WriteCrl(now);
        return count;
    }

    /// <summary>
    /// Writes <see cref="CrlPath"/> (PEM) listing every revoked certificate of the ledger. OpenSSL refuses every client of
    /// a CA whose CRL is past its nextUpdate, and this CRL is read from local disk by our own broker rather than fetched,
    /// so nextUpdate is the CA's own expiry: a stale date must never lock out the whole fleet.
    /// </summary>
    public string WriteCrl(DateTimeOffset now)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var entry in _ledger.Entries.Where(entry => entry.IsRevoked))
        {
            builder.AddEntry(Convert.FromHexString(entry.SerialNumber), entry.RevokedAt, entry.Superseded ? X509RevocationReason.Superseded : X509RevocationReason.CessationOfOperation);
        }

        var crlNumber = new BigInteger(_ledger.TakeCrlNumber());
        var nextUpdate = new DateTimeOffset(Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var der = builder.Build(Certificate, crlNumber, nextUpdate, HashAlgorithmName.SHA256, thisUpdate: now - ClockSkewAllowance);
        var pem = PemEncoding.WriteString("X509 CRL", der) + "\n";
        File.WriteAllText(CrlPath, pem);
        _ledger.Save();
        return pem;
    }

    public void Dispose()
    {
        Certificate.Dispose();
        _lock.Dispose();
    }

    private static TenantCertificateAuthority OpenOrCreateLocked(string tenant, string directory, DateTimeOffset now, FileStream heldLock)
    {
        var certificatePath = Path.Combine(directory, CertificateFileName);
        var keyPath = Path.Combine(directory, KeyFileName);
        if (File.Exists(certificatePath) && File.Exists(keyPath))
        {
            return new TenantCertificateAuthority(tenant, directory, X509Certificate2.CreateFromPemFile(certificatePath, keyPath), wasCreated: false, heldLock);
        }

        if (File.Exists(certificatePath) || File.Exists(keyPath))
        {
            throw new InvalidOperationException($"{directory} holds only one of {CertificateFileName} and {KeyFileName}; restore the other or remove both to start a new CA");
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN=Retrosense {tenant} CA, O={tenant}"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        using var selfSigned = request.CreateSelfSigned(now - ClockSkewAllowance, now + CaValidity);
        File.WriteAllText(certificatePath, selfSigned.ExportCertificatePem() + "\n");
        OwnerOnlyFiles.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
        var authority = new TenantCertificateAuthority(tenant, directory, X509Certificate2.CreateFromPemFile(certificatePath, keyPath), wasCreated: true, heldLock);
        authority.WriteCrl(now);
        return authority;
    }

    /// <summary>Takes the CA's lock file exclusively (an flock on Unix), waiting for another provisioning run to finish.</summary>
    private static FileStream AcquireLock(string directory)
    {
        var path = Path.Combine(directory, LockFileName);
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }

    private IssuedCertificate Issue(string commonName, CertificatePurpose purpose, Oid usage, SubjectAlternativeNameBuilder? names, DateTimeOffset now, TimeSpan validity)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedName($"CN={EscapeDistinguishedNameValue(commonName)}, O={Tenant}");
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        if (names is not null)
        {
            request.CertificateExtensions.Add(names.Build());
        }

        var notBefore = now - ClockSkewAllowance;
        var notAfter = now + validity;
        if (notAfter > Certificate.NotAfter)
        {
            notAfter = new DateTimeOffset(Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        }

        using var signed = request.Create(Certificate, notBefore, notAfter, NewSerialNumber());
        var issued = new IssuedCertificate(
            X509CertificateLoader.LoadCertificate(signed.RawData),
            signed.ExportCertificatePem() + "\n",
            key.ExportPkcs8PrivateKeyPem() + "\n");
        _ledger.Add(new CertificateLedgerEntry
        {
            SerialNumber = issued.SerialNumber,
            CommonName = commonName,
            Purpose = purpose,
            NotBefore = notBefore,
            NotAfter = notAfter,
        });
        _ledger.Save();
        return issued;
    }

    /// <summary>16 random bytes, top bit clear so the DER integer is positive (RFC 5280 §4.1.2.2: up to 20 octets, unique per CA).</summary>
    private static byte[] NewSerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        serial[0] |= 0x01;
        return serial;
    }

    private static string EscapeDistinguishedNameValue(string value) =>
        value.IndexOfAny([',', '+', '"', '\\', '<', '>', ';', '=']) >= 0 ? "\"" + value.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : value;
}
