using System;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Retrosense.Platform.Provisioning;

namespace Retrosense.Platform.Tests.Provisioning;

public sealed class TenantCertificateAuthorityTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 13, 0, 0, TimeSpan.Zero);
    private readonly PkiFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Node_Certificate_Chains_To_The_Tenant_Ca_With_A_Custom_Trust_Store()
    {
        using var authority = TenantCertificateAuthority.OpenOrCreate(_folder.Path, "acme", Now);
        var issued = authority.IssueNodeCertificate(new NodeCertificateSubject("acme", "plant1", "pump7", "n1"), Now);

        using var chain = NewChain(authority.Certificate, Now.AddDays(1));
        var valid = chain.Build(issued.Certificate);

        Assert.True(valid, string.Join("; ", chain.ChainStatus.Select(status => status.StatusInformation)));
        Assert.Equal(2, chain.ChainElements.Count);
        Assert.Equal(authority.Certificate.Thumbprint, chain.ChainElements[1].Certificate.Thumbprint);
    }

    [Fact]
    public void Node_Certificate_Names_Tenant_And_Node_And_Is_For_Client_Authentication_Only()
    {
        using var authority = TenantCertificateAuthority.OpenOrCreate(_folder.Path, "acme", Now);
        var issued = authority.IssueNodeCertificate(new NodeCertificateSubject("acme", "plant1", "pump7", "n1"), Now);
        var certificate = issued.Certificate;

        Assert.Equal("acme:n1", certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>().Select(oid => oid.Value).ToList();
        Assert.Equal(["1.3.6.1.5.5.7.3.2"], usages);
        Assert.False(certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains("URI:urn:retrosense:node:acme:plant1:pump7:n1", names.Format(multiLine: false), StringComparison.Ordinal);
        Assert.NotNull(certificate.GetECDsaPublicKey());
        Assert.Equal(Now.AddDays(730).UtcDateTime, certificate.NotAfter.ToUniversalTime(), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Ca_Is_A_Ten_Year_Certificate_Authority_That_Signs_Certificates_And_Crls()
    {
        using var authority = TenantCertificateAuthority.OpenOrCreate(_folder.Path, "acme", Now);
        var ca = authority.Certificate;

        Assert.True(authority.WasCreated);
        Assert.Equal(ca.SubjectName.RawData, ca.IssuerName.RawData);
        Assert.True(ca.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        var keyUsage = ca.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages;
        Assert.True(keyUsage.HasFlag(X509KeyUsageFlags.KeyCertSign));
        Assert.True(keyUsage.HasFlag(X509KeyUsageFlags.CrlSign));
        Assert.InRange((ca.NotAfter - ca.NotBefore).TotalDays, 3650, 3653);
        Assert.Equal(ECCurve.NamedCurves.nistP256.Oid.Value, ca.GetECDsaPublicKey()!.ExportParameters(false).Curve.Oid.Value);
    }

    [Fact]
    public void Opening_The_Ca_Again_Reuses_Its_Key_And_Certificate()
    {
        string firstThumbprint;
        using (var first = TenantCertificateAuthority.OpenOrCreate(_folder.Path, "acme", Now))
        {
            firstThumbprint = first.Certificate.Thumbprint;
        }

        using var second = TenantCertificateAuthority.OpenOrCreate(_folder.Path, "acme", Now.AddDays(3));
        var issued = second.IssueNodeCertificate(new NodeCertificateSubject("acme", "s", "a", "n2"), Now.AddDays(3));

        Assert.False(second.WasCreated);
        Assert.Equal(firstThumbprint, second.Certificate.Thumbprint);
        Assert.True(issued.Certificate.IssuerName.RawData.SequenceEqual(second.Certificate.SubjectName.RawData));
    }

    [Fact]
    public void Private_Keys_Are_Owner_Only_Files_In_An_Owner_Only_Folder()
    {
        using var authority = TenantCertificateAuthority.OpenOrCreate(_folder.Path, "acme", Now);
        var keyPath = Path.Combine(authority.Directory, TenantCertificateAuthority.KeyFileName);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, PkiFolder.UnixModeOf(keyPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, PkiFolder.UnixModeOf(authority.Directory));
    }

    [Fact]
    public void Certificate_Of_Another_Tenant_Does_Not_Chain_To_This_Tenant_Ca()
    {
        using var acme = TenantCertificateAuthority.OpenOrCreate(_folder.Path, "acme", Now);
        using var globex = TenantCertificateAuthority.OpenOrCreate(_folder.Path, "globex", Now);
        var foreign = globex.IssueNodeCertificate(new NodeCertificateSubject("globex", "s", "a", "n1"), Now);

        using var chain = NewChain(acme.Certificate, Now.AddDays(1));

        Assert.False(chain.Build(foreign.Certificate));
        Assert.Throws<ArgumentException>(() => acme.IssueNodeCertificate(new NodeCertificateSubject("globex", "s", "a", "n9"), Now));
    }

    [Fact]
    public void Revoked_Certificate_Is_Listed_In_The_Ca_Crl_With_A_Higher_Crl_Number()
    {
        using var authority = TenantCertificateAuthority.OpenOrCreate(_folder.Path, "acme", Now);
        var kept = authority.IssueNodeCertificate(new NodeCertificateSubject("acme", "s", "a", "n1"), Now);
        var revoked = authority.IssueNodeCertificate(new NodeCertificateSubject("acme", "s", "a", "n2"), Now);
        var emptyCrl = CertificateRevocationListBuilder.LoadPem(File.ReadAllText(authority.CrlPath), out var firstNumber);

        authority.Revoke("acme:n2", "board stolen", Now.AddHours(1));
        var crl = CertificateRevocationListBuilder.LoadPem(File.ReadAllText(authority.CrlPath), out var secondNumber);

        Assert.False(emptyCrl.RemoveEntry(Convert.FromHexString(revoked.SerialNumber)));
        Assert.True(crl.RemoveEntry(Convert.FromHexString(revoked.SerialNumber)));
        Assert.False(crl.RemoveEntry(Convert.FromHexString(kept.SerialNumber)));
        Assert.True(secondNumber > firstNumber, $"CRL number {secondNumber} after {firstNumber}");
        Assert.Equal(BigInteger.One, firstNumber);
    }

    [Fact]
    public void Provisioning_A_Node_Again_Revokes_Its_Earlier_Certificate_As_Superseded()
    {
        using var authority = TenantCertificateAuthority.OpenOrCreate(_folder.Path, "acme", Now);
        var subject = new NodeCertificateSubject("acme", "s", "a", "n1");
        var first = authority.IssueNodeCertificate(subject, Now);

        var second = authority.IssueNodeCertificate(subject, Now.AddDays(1));
        var crl = CertificateRevocationListBuilder.LoadPem(File.ReadAllText(authority.CrlPath), out _);

        Assert.True(crl.RemoveEntry(Convert.FromHexString(first.SerialNumber)));
        Assert.False(crl.RemoveEntry(Convert.FromHexString(second.SerialNumber)));
        Assert.Equal(2, authority.IssuedCertificates.Count(entry => entry.CommonName == "acme:n1"));
        Assert.True(authority.IssuedCertificates.Single(entry => entry.SerialNumber == first.SerialNumber).Superseded);
    }

    [Fact]
    public async Task A_Second_Opener_Of_The_Same_Ca_Waits_Until_The_First_Is_Done()
    {
        var first = TenantCertificateAuthority.OpenOrCreate(_folder.Path, "acme", Now);
        var second = Task.Run(() => TenantCertificateAuthority.OpenOrCreate(_folder.Path, "acme", Now), TestContext.Current.CancellationToken);

        await Task.Delay(500, TestContext.Current.CancellationToken);
        var finishedWhileHeld = second.IsCompleted;
        first.Dispose();
        using var opened = await second.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.False(finishedWhileHeld, "two openers held the same CA at once");
        Assert.False(opened.WasCreated);
    }

    private static X509Chain NewChain(X509Certificate2 root, DateTimeOffset verificationTime)
    {
        var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(X509CertificateLoader.LoadCertificate(root.RawData));
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid("1.3.6.1.5.5.7.3.2"));
        chain.ChainPolicy.VerificationTime = verificationTime.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        return chain;
    }
}
