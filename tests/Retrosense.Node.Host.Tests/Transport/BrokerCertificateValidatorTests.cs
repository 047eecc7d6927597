using System;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Retrosense.Node.Host.Transport;

namespace Retrosense.Node.Host.Tests.Transport;

public sealed class BrokerCertificateValidatorTests
{
    [Fact]
    public void Broker_Certificate_Signed_By_The_Given_Ca_Is_Trusted()
    {
        using var ca = CreateAuthority("CN=Retrosense Tenant CA");
        using var broker = CreateLeaf(ca, "CN=broker.local");

        Assert.True(new BrokerCertificateValidator(ca).IsTrusted(broker, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void Broker_Certificate_From_Another_Ca_Is_Refused()
    {
        using var ca = CreateAuthority("CN=Retrosense Tenant CA");
        using var stranger = CreateAuthority("CN=Someone Else");
        using var broker = CreateLeaf(stranger, "CN=broker.local");

        Assert.False(new BrokerCertificateValidator(ca).IsTrusted(broker, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Theory]
    [InlineData(SslPolicyErrors.RemoteCertificateNameMismatch)]
    [InlineData(SslPolicyErrors.RemoteCertificateNotAvailable)]
    public void Name_Mismatch_Or_No_Certificate_Is_Refused_Even_From_The_Ca(SslPolicyErrors errors)
    {
        using var ca = CreateAuthority("CN=Retrosense Tenant CA");
        using var broker = CreateLeaf(ca, "CN=broker.local");

        Assert.False(new BrokerCertificateValidator(ca).IsTrusted(broker, errors));
        Assert.False(new BrokerCertificateValidator(ca).IsTrusted(null, SslPolicyErrors.None));
    }

    private static X509Certificate2 CreateAuthority(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    private static X509Certificate2 CreateLeaf(X509Certificate2 issuer, string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var serial = new byte[8];
        RandomNumberGenerator.Fill(serial);
        return request.Create(issuer, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(30), serial);
    }
}
