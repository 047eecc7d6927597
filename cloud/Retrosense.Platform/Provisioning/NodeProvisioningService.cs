using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Node.Configuration;
using Retrosense.Platform.Registry;

namespace Retrosense.Platform.Provisioning;

/// <summary>
/// Provisions, lists and revokes nodes: the tenant CA signs the node's certificate, the registry records the node and its
/// installation (so the cloud accepts only provisioned nodes), the node's output folder gets its certificate, key, first
/// config and flashing steps, and the broker's CA bundle, CRL and ACL are regenerated so the broker admits exactly the
/// active nodes, each to its own topics.
/// </summary>
public sealed class NodeProvisioningService
{
    /// <summary>Machine group of a new asset when none is given: group 2 (15–300 kW), the usual retrofit motor and pump.</summary>
    public const MachineGroup DefaultMachineGroup = MachineGroup.Group2;

    public const Foundation DefaultFoundation = Foundation.Rigid;

    /// <summary>Shaft speed of a new asset when none is given: a 4-pole motor on 50 Hz, the node's own default.</summary>
    public const float DefaultShaftSpeedRpm = 1500f;

    private readonly IRegistryStore _registry;
    private readonly TimeProvider _clock;

    /// <param name="registry">The reporting store's registry.</param>
    /// <param name="pkiRoot">Folder holding one CA folder per tenant (default <c>{data-dir}/pki</c>).</param>
    /// <param name="brokerDirectory">Folder of the broker's generated files (default <c>{data-dir}/mosquitto</c>).</param>
    /// <param name="clock">Time source for certificate validity and revocation times.</param>
    public NodeProvisioningService(IRegistryStore registry, string pkiRoot, string brokerDirectory, TimeProvider? clock = null)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        PkiRoot = Path.GetFullPath(pkiRoot);
        Broker = new BrokerSecurityFiles(brokerDirectory);
        _clock = clock ?? TimeProvider.System;
    }

    public string PkiRoot { get; }

    public BrokerSecurityFiles Broker { get; }

    public async Task<NodeProvisioningResult> ProvisionAsync(NodeProvisioningRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var subject = request.Subject;
        if (request.Board.UsesWifi && string.IsNullOrEmpty(request.WifiSsid))
        {
            throw new NodeProvisioningException($"board {request.Board.Name} joins Wi-Fi: give --wifi-ssid");
        }

        var existing = await _registry.GetNodeAsync(subject.Tenant, subject.Node, cancellationToken).ConfigureAwait(false);
        if (existing is { IsActive: true })
        {
            throw new NodeProvisioningException(
                $"node '{subject.Node}' is already provisioned in tenant '{subject.Tenant}' (on {existing.SiteId}/{existing.AssetId}); revoke it first to provision a replacement");
        }

        var knownAsset = await _registry.GetAssetAsync(subject.Tenant, subject.Site, subject.Asset, cancellationToken).ConfigureAwait(false);
        var machineClass = new AssetClass(
            request.MachineGroup ?? knownAsset?.MachineGroup ?? DefaultMachineGroup,
            request.Foundation ?? knownAsset?.Foundation ?? DefaultFoundation,
            request.ShaftSpeedRpm ?? knownAsset?.ShaftSpeedRpm ?? DefaultShaftSpeedRpm);
        var config = ProvisionedNodeConfig.Create(machineClass.MachineGroup, machineClass.Foundation, machineClass.ShaftSpeedRpm);
        if (!NodeConfigValidator.Validate(config, out var configProblem))
        {
            throw new NodeProvisioningException($"the node config for this asset is invalid: {configProblem}");
        }

        var now = _clock.GetUtcNow();
        using var authority = TenantCertificateAuthority.OpenOrCreate(PkiRoot, subject.Tenant, now);
        Broker.EnsureIdentities(authority, request.BrokerUrl.Host, now);
        var issued = authority.IssueNodeCertificate(subject, now);
        RegisteredNode node;
        Installation installation;
        try
        {
            (node, installation) = await RegisterAsync(request, machineClass, config, issued, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A certificate the registry does not know must not stay valid: the broker would admit a node the cloud refuses.
            authority.Revoke(subject.CommonName, "registration failed", _clock.GetUtcNow());
            throw;
        }

        var files = WriteOutputFolder(request, config, authority, issued);
        await WriteBrokerFilesAsync(request.BrokerUrl, cancellationToken).ConfigureAwait(false);
        var commands = InstallationInstructions.Commands(request.Board, subject, request.BrokerUrl, request.SerialPort);
        return new NodeProvisioningResult(node, installation, subject.CommonName, issued, authority.WasCreated, Path.GetFullPath(request.OutputDirectory), files, commands, Broker.Directory);
    }

    /// <summary>Revokes the node in the registry and in its tenant CA, then rewrites the CRL and ACL the broker reads.</summary>
    public async Task<RegisteredNode> RevokeAsync(string tenant, string nodeId, string reason, Uri? brokerUrl = null, CancellationToken cancellationToken = default)
    {
        var revoked = await _registry.RevokeNodeAsync(tenant, nodeId, reason, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetUtcNow();
        using (var authority = TenantCertificateAuthority.OpenOrCreate(PkiRoot, tenant, now))
        {
            authority.Revoke(NodeCertificateName.CommonName(tenant, nodeId), reason, now);
        }

        await WriteBrokerFilesAsync(brokerUrl, cancellationToken).ConfigureAwait(false);
        return revoked;
    }

    /// <summary>The registrations of one tenant, or of every tenant that has a CA under the PKI root.</summary>
    public async Task<IReadOnlyList<RegisteredNode>> ListAsync(string? tenant, CancellationToken cancellationToken = default)
    {
        var tenants = tenant is not null ? [tenant] : KnownTenants();
        var nodes = new List<RegisteredNode>();
        foreach (var tenantId in tenants)
        {
            nodes.AddRange(await _registry.ListNodesAsync(tenantId, cancellationToken: cancellationToken).ConfigureAwait(false));
        }

        return nodes;
    }

    /// <summary>Tenants with a CA under the PKI root (the registry has no tenant listing; provisioning creates both together).</summary>
    public IReadOnlyList<string> KnownTenants() => BrokerSecurityFiles.TenantFolders(PkiRoot).Select(Path.GetFileName).OfType<string>().ToList();

    /// <summary>Rewrites the broker's CA bundle, CRL bundle, ACL and listener config from the registry's active nodes (port from <paramref name="brokerUrl"/>, else the one already configured).</summary>
    public async Task WriteBrokerFilesAsync(Uri? brokerUrl, CancellationToken cancellationToken = default)
    {
        var active = (await ListAsync(null, cancellationToken).ConfigureAwait(false))
            .Where(node => node.IsActive)
            .Select(node => new NodeTopicGrant(node.TenantId, node.SiteId, node.AssetId, node.NodeId));
        Broker.Write(PkiRoot, active, brokerUrl is null ? null : BrokerSecurityFiles.PortOf(brokerUrl));
    }

    private async Task<(RegisteredNode Node, Installation Installation)> RegisterAsync(NodeProvisioningRequest request, AssetClass machineClass, NodeConfig config, IssuedCertificate issued, CancellationToken cancellationToken)
    {
        var subject = request.Subject;
        var tenant = await _registry.GetTenantAsync(subject.Tenant, cancellationToken).ConfigureAwait(false);
        await _registry.EnsureTenantAsync(subject.Tenant, tenant?.DisplayName ?? subject.Tenant, cancellationToken).ConfigureAwait(false);
        var site = await _registry.GetSiteAsync(subject.Tenant, subject.Site, cancellationToken).ConfigureAwait(false)
            ?? await _registry.UpsertSiteAsync(new Site(subject.Tenant, subject.Site, subject.Site), cancellationToken).ConfigureAwait(false);
        var asset = await _registry.GetAssetAsync(subject.Tenant, site.SiteId, subject.Asset, cancellationToken).ConfigureAwait(false);
        await _registry.UpsertAssetAsync(
            new Asset(subject.Tenant, site.SiteId, subject.Asset, asset?.Name ?? subject.Asset, machineClass.MachineGroup, machineClass.Foundation, machineClass.ShaftSpeedRpm),
            cancellationToken).ConfigureAwait(false);
        var thumbprint = Convert.ToHexString(SHA256.HashData(issued.Certificate.RawData));
        var node = await _registry.AddNodeAsync(
            new NodeRegistration(subject.Tenant, subject.Site, subject.Asset, subject.Node, request.Board.Board, thumbprint, issued.SerialNumber, config.ConfigVersion),
            cancellationToken).ConfigureAwait(false);
        var installation = await _registry.RecordInstallationAsync(
            new InstallationDetails(subject.Tenant, subject.Node, request.MountingPoint, request.AxisOrientation, request.Installer, request.InstalledOn, request.Notes),
            cancellationToken).ConfigureAwait(false);
        return (node, installation);
    }

    private List<string> WriteOutputFolder(NodeProvisioningRequest request, NodeConfig config, TenantCertificateAuthority authority, IssuedCertificate issued)
    {
        var folder = Path.GetFullPath(request.OutputDirectory);
        OwnerOnlyFiles.CreateDirectory(folder);
        var trustBundle = TrustBundle(authority, request.ExtraBrokerCaPem);
        var written = new List<string>();
        void Write(string name, string text, bool secret)
        {
            var path = Path.Combine(folder, name);
            if (secret)
            {
                OwnerOnlyFiles.WriteAllText(path, text);
            }
            else
            {
                File.WriteAllText(path, text);
            }

            written.Add(path);
        }

        Write(NodeOutputFiles.Certificate, issued.CertificatePem + authority.CertificatePem, secret: false);
        Write(NodeOutputFiles.PrivateKey, issued.PrivateKeyPem, secret: true);
        Write(NodeOutputFiles.TrustBundle, trustBundle, secret: false);
        File.WriteAllBytes(Path.Combine(folder, NodeOutputFiles.Config), ProvisionedNodeConfig.Encode(config));
        written.Add(Path.Combine(folder, NodeOutputFiles.Config));
        if (request.Board.IsNanoFramework)
        {
            Write(NodeOutputFiles.NanoffNetworkDeployment, NanoffNetworkDeployment.Write(request.Board, request.WifiSsid, request.WifiPassword, trustBundle, issued), secret: true);

            // The nano apps read identity and broker from node.conf at boot (firmware/README.md); the ESP32 gets it, with the
            // first config, through nanoff's file deployment, the STM32 from its microSD card.
            Write(NodeOutputFiles.NodeSettings, NodeSettingsFileText.Write(request.Subject, request.BrokerUrl), secret: false);
            if (request.Board.Board == NodeBoard.Esp32)
            {
                Write(NodeOutputFiles.NanoffFileDeployment(request.Subject.Node), NanoffFileDeployment.Write(folder), secret: false);
            }
        }

        Write(NodeOutputFiles.Readme, InstallationInstructions.Readme(request.Board, request.Subject, request.BrokerUrl, request.SerialPort, folder), secret: false);
        return written;
    }

    /// <summary>The tenant CA, the CA of the broker's server certificate when another tenant's CA signed it, and any extra CA given.</summary>
    private string TrustBundle(TenantCertificateAuthority authority, string? extraBrokerCaPem)
    {
        var parts = new List<string> { authority.CertificatePem.TrimEnd() };
        var serverCa = Broker.ServerCaPem?.TrimEnd();
        if (serverCa is not null && !parts.Contains(serverCa, StringComparer.Ordinal))
        {
            parts.Add(serverCa);
        }

        if (!string.IsNullOrWhiteSpace(extraBrokerCaPem))
        {
            parts.Add(extraBrokerCaPem.TrimEnd());
        }

        return string.Join("\n", parts) + "\n";
    }

    /// <summary>The ISO 10816-3 class and speed of the machine a node is mounted on.</summary>
    private sealed record AssetClass(MachineGroup MachineGroup, Foundation Foundation, float ShaftSpeedRpm);
}
