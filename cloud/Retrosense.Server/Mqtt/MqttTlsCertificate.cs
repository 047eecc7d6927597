using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Retrosense.Server.Mqtt;

/// <summary>Loads the broker's TLS certificate from PEM files (<c>--mqtt-tls-cert</c>, <c>--mqtt-tls-key</c>).</summary>
internal static class MqttTlsCertificate
{
    /// <exception cref="ServerOptionsException">A file is missing or is not a PEM certificate / matching key.</exception>
    public static X509Certificate2 Load(string certificatePath, string? keyPath)
    {
        try
        {
            using var fromPem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);

            // SslStream on Linux wants a certificate whose key is not ephemeral; a PKCS#12 round trip gives it one.
            return X509CertificateLoader.LoadPkcs12(fromPem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception exception) when (exception is CryptographicException or System.IO.IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new ServerOptionsException("--mqtt-tls-cert/--mqtt-tls-key: cannot load '" + certificatePath + "': " + exception.Message, exception);
        }
    }
}
