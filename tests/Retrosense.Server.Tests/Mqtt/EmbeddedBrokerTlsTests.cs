using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Retrosense.Node.Configuration;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Provisioning;
using Retrosense.Platform.Registry;
using Retrosense.Server.Mqtt;
using Retrosense.Server.Tests.Ingestion;
using Retrosense.Storage;
using Retrosense.Testing;

namespace Retrosense.Server.Tests.Mqtt;

/// <summary>
/// The embedded broker's TLS listener with the certificates provisioning really issues (tenant CA, broker server
/// certificate, node client certificate), and Debian's mosquitto_pub as the node: the registry's thumbprint decides.
/// </summary>
public sealed class EmbeddedBrokerTlsTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("retrosense-tls-").FullName;
    private TenantCertificateAuthority _authority = null!;
    private BrokerSecurityFiles _brokerFiles = null!;
    private RunningServer _server = null!;
    private string? _mosquittoPub;

    public async ValueTask InitializeAsync()
    {
        _mosquittoPub = new[] { "/usr/bin/mosquitto_pub", "/usr/local/bin/mosquitto_pub" }.FirstOrDefault(File.Exists);
        var now = DateTimeOffset.UtcNow;
        _authority = TenantCertificateAuthority.OpenOrCreate(Path.Combine(_directory, "pki"), ServerTestFleet.Tenant, now);
        _brokerFiles = new BrokerSecurityFiles(Path.Combine(_directory, "broker"));
        _brokerFiles.EnsureIdentities(_authority, "127.0.0.1", now);
        _server = await ServerApplication.StartAsync(new ServerOptions
        {
            Store = ReportingStoreOptions.ForSqlite(Path.Combine(_directory, "retrosense.db")),
            Urls = "http://127.0.0.1:0",
            MqttPort = 0,
            MqttTlsPort = 0,
            MqttTlsCertificatePath = _brokerFiles.ServerCertificatePath,
            MqttTlsKeyPath = _brokerFiles.ServerKeyPath,
            DemoEnabled = false,
            DataDirectory = _directory,
        });
        await ServerTestFleet.ProvisionAsync(_server.Services.GetRequiredService<ReportingStore>().Registry);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _authority.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private IngestionStatisticsSnapshot Totals => _server.Services.GetRequiredService<IngestionStatistics>().Snapshot();

    [Fact]
    public async Task A_node_whose_certificate_the_registry_holds_is_stored_over_tls_and_one_signed_but_unregistered_is_refused()
    {
        if (_mosquittoPub is null)
        {
            RequiredService.SkipOrFail("mosquitto_pub is not installed (Debian package mosquitto-clients)");
            return;
        }

        var registry = _server.Services.GetRequiredService<ReportingStore>().Registry;
        var registered = IssueNodeCertificate("n-tls");
        await registry.AddNodeAsync(new NodeRegistration(ServerTestFleet.Tenant, ServerTestFleet.Site, ServerTestFleet.Asset, "n-tls", NodeBoard.Esp32,
            registered.Certificate.GetCertHashString(HashAlgorithmName.SHA256), registered.SerialNumber, configVersion: 1));
        var unregistered = IssueNodeCertificate("n-rogue");

        var stored = await PublishStatusAsync(registered, "n-tls");
        var refused = await PublishStatusAsync(unregistered, "n-rogue");

        Assert.True(stored.ExitCode == 0, stored.Output);
        Assert.True(refused.ExitCode != 0, "a CA-signed certificate the registry does not hold was accepted: " + refused.Output);
        Assert.Equal(1, Totals.MessagesStored);
        var activity = Assert.Single(await _server.Services.GetRequiredService<ReportingStore>().Ingestion.ListNodeActivityAsync());
        Assert.Equal("n-tls", activity.NodeId);
    }

    [Fact]
    public async Task A_node_without_a_client_certificate_may_still_log_in_over_tls_with_its_password()
    {
        if (_mosquittoPub is null)
        {
            RequiredService.SkipOrFail("mosquitto_pub is not installed (Debian package mosquitto-clients)");
            return;
        }

        var store = _server.Services.GetRequiredService<ReportingStore>();
        var certificate = IssueNodeCertificate("n-pw");
        await store.Registry.AddNodeAsync(new NodeRegistration(ServerTestFleet.Tenant, ServerTestFleet.Site, ServerTestFleet.Asset, "n-pw", NodeBoard.Esp32,
            certificate.Certificate.GetCertHashString(HashAlgorithmName.SHA256), certificate.SerialNumber, configVersion: 1));
        var password = await store.Credentials.IssuePasswordAsync(ServerTestFleet.Tenant, "n-pw");

        var wrong = await RunMosquittoPubAsync("n-pw", "-u", "acme:n-pw", "-P", password + "x");
        var right = await RunMosquittoPubAsync("n-pw", "-u", "acme:n-pw", "-P", password);

        Assert.True(wrong.ExitCode != 0, "a wrong password was accepted over TLS: " + wrong.Output);
        Assert.True(right.ExitCode == 0, right.Output);
        Assert.Equal(1, Totals.MessagesStored);
    }

    private IssuedCertificate IssueNodeCertificate(string nodeId) => _authority.IssueNodeCertificate(
        new NodeCertificateSubject(ServerTestFleet.Tenant, ServerTestFleet.Site, ServerTestFleet.Asset, nodeId), DateTimeOffset.UtcNow);

    private async Task<(int ExitCode, string Output)> PublishStatusAsync(IssuedCertificate certificate, string nodeId)
    {
        var certificatePath = Path.Combine(_directory, nodeId + ".crt");
        var keyPath = Path.Combine(_directory, nodeId + ".key");
        await File.WriteAllTextAsync(certificatePath, certificate.CertificatePem);
        await File.WriteAllTextAsync(keyPath, certificate.PrivateKeyPem);
        return await RunMosquittoPubAsync(nodeId, "--cert", certificatePath, "--key", keyPath);
    }

    /// <summary>mosquitto_pub over the TLS listener (server verified against the broker CA) publishing a valid status of the node.</summary>
    private async Task<(int ExitCode, string Output)> RunMosquittoPubAsync(string nodeId, params string[] identity)
    {
        var tlsPort = _server.Services.GetRequiredService<EmbeddedMqttBroker>().BoundTlsPort;
        var start = new ProcessStartInfo(_mosquittoPub!) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[]
        {
            "-h", "127.0.0.1", "-p", tlsPort.ToString(CultureInfo.InvariantCulture), "-V", "mqttv5", "-i", nodeId,
            "--cafile", _brokerFiles.ServerCaPath, "-q", "1",
            "-t", ServerTestFleet.StatusTopic(nodeId), "-m", Encoding.UTF8.GetString(ServerTestFleet.StatusPayload(nodeId, 1, 0)),
        }.Concat(identity))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token) + await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, output);
    }
}
