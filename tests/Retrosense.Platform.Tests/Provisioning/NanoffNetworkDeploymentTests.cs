using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Retrosense.Platform.Provisioning;

namespace Retrosense.Platform.Tests.Provisioning;

public sealed class NanoffNetworkDeploymentTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 13, 0, 0, TimeSpan.Zero);
    private readonly PkiFolder _folder = new();
    private readonly TenantCertificateAuthority _authority;
    private readonly IssuedCertificate _node;

    public NanoffNetworkDeploymentTests()
    {
        _authority = TenantCertificateAuthority.OpenOrCreate(_folder.Path, "acme", Now);
        _node = _authority.IssueNodeCertificate(new NodeCertificateSubject("acme", "s", "a", "n1"), Now);
    }

    public void Dispose()
    {
        _authority.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Esp32_File_Has_Nanoff_Wireless_Client_Settings_And_Both_Certificates()
    {
        var json = NanoffNetworkDeployment.Write(NodeBoardProfile.Esp32, "Factory-IoT", "s3cret pass", _authority.CertificatePem, _node);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        // Property names of nanoFirmwareFlasher's NetworkDeploymentConfiguration and WirelessConfiguration.
        Assert.Equal(["WirelessClient", "CACertificates", "DeviceCertificates"], root.EnumerateObject().Select(property => property.Name));
        var wifi = root.GetProperty("WirelessClient");
        Assert.Equal("Factory-IoT", wifi.GetProperty("Ssid").GetString());
        Assert.Equal("s3cret pass", wifi.GetProperty("Password").GetString());
        Assert.Equal("WPA2", wifi.GetProperty("Authentication").GetString());
        Assert.Equal("AutoConnect", wifi.GetProperty("ConfigurationOption").GetString());
        Assert.True(wifi.GetProperty("DhcpEnabled").GetBoolean());
    }

    [Fact]
    public void Certificates_Are_Base64_Pem_Ending_In_The_Nul_Mbedtls_Needs()
    {
        var json = NanoffNetworkDeployment.Write(NodeBoardProfile.Esp32, "ssid", "pw", _authority.CertificatePem, _node);
        using var document = JsonDocument.Parse(json);

        var ca = Convert.FromBase64String(document.RootElement.GetProperty("CACertificates").GetString()!);
        var device = Convert.FromBase64String(document.RootElement.GetProperty("DeviceCertificates").GetString()!);

        Assert.Equal(0, ca[^1]);
        Assert.Equal(0, device[^1]);
        Assert.Equal(_authority.CertificatePem, Encoding.ASCII.GetString(ca, 0, ca.Length - 1));
        var devicePem = Encoding.ASCII.GetString(device, 0, device.Length - 1);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", devicePem, StringComparison.Ordinal);
        Assert.Contains("-----BEGIN PRIVATE KEY-----", devicePem, StringComparison.Ordinal);
        Assert.Equal(_node.SerialNumber, System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(devicePem, devicePem).SerialNumber);
    }

    [Fact]
    public void Stm32_File_Configures_Ethernet_With_Dhcp_And_No_Wifi()
    {
        var json = NanoffNetworkDeployment.Write(NodeBoardProfile.Stm32, null, null, _authority.CertificatePem, _node);
        using var document = JsonDocument.Parse(json);

        Assert.False(document.RootElement.TryGetProperty("WirelessClient", out _));
        Assert.True(document.RootElement.GetProperty("Ethernet").GetProperty("DhcpEnabled").GetBoolean());
    }

    [Fact]
    public void Esp32_Without_An_Ssid_And_Linux_Boards_Are_Refused()
    {
        Assert.Throws<ArgumentException>(() => NanoffNetworkDeployment.Write(NodeBoardProfile.Esp32, null, "pw", _authority.CertificatePem, _node));
        Assert.Throws<ArgumentException>(() => NanoffNetworkDeployment.Write(NodeBoardProfile.Linux, "ssid", "pw", _authority.CertificatePem, _node));
    }
}
