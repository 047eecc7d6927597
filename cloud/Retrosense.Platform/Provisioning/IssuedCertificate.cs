using System;
using System.Security.Cryptography.X509Certificates;

namespace Retrosense.Platform.Provisioning;

/// <summary>A certificate the tenant CA just signed, with its private key (PEM, PKCS#8) that is shown once and stored owner-only.</summary>
public sealed record IssuedCertificate(X509Certificate2 Certificate, string CertificatePem, string PrivateKeyPem)
{
    /// <summary>Serial number as upper-case hex, the form X509Certificate2.SerialNumber and the CRL use.</summary>
    public string SerialNumber => Certificate.SerialNumber;

    public DateTimeOffset NotAfter => new(Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);

    /// <summary>Certificate followed by its key in one PEM text: the form nanoFramework stores as its device certificate.</summary>
    public string CertificateAndKeyPem => CertificatePem + PrivateKeyPem;
}
