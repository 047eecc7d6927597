using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Retrosense.Contracts;
using Retrosense.Node.Configuration;
using Retrosense.Platform.Registry;

namespace Retrosense.Server.Tests.Ingestion;

/// <summary>
/// The tenant, site, asset and nodes the ingestion and broker tests provision into a real store, and valid node
/// messages for them (the golden status.json of shared/schemas with node, boot, seq and ts filled in).
/// </summary>
internal static class ServerTestFleet
{
    public const string Tenant = "acme";
    public const string Site = "plant-1";
    public const string Asset = "pump-3";

    /// <summary>Registers tenant, site, asset and the nodes (random certificate thumbprints) in <paramref name="registry"/>.</summary>
    public static async Task ProvisionAsync(IRegistryStore registry, params string[] nodeIds)
    {
        await registry.EnsureTenantAsync(Tenant, "Acme Foods");
        await registry.UpsertSiteAsync(new Site(Tenant, Site, "Plant 1"));
        await registry.UpsertAssetAsync(new Asset(Tenant, Site, Asset, "Pump 3", MachineGroup.Group2, Foundation.Rigid, 1780f));
        foreach (var nodeId in nodeIds)
        {
            var thumbprint = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
            var serial = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
            await registry.AddNodeAsync(new NodeRegistration(Tenant, Site, Asset, nodeId, NodeBoard.Linux, thumbprint, serial, configVersion: 1));
        }
    }

    public static string StatusTopic(string nodeId) => TopicPath.Build(Tenant, Site, Asset, nodeId, MessageKind.Status);

    /// <summary>A valid status message of <paramref name="nodeId"/> with this boot and seq, stamped now.</summary>
    public static byte[] StatusPayload(string nodeId, long boot, long seq) => Encoding.UTF8.GetBytes(string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"schema":1,"kind":"status","node":"{{nodeId}}","boot":{{boot}},"seq":{{seq}},"ts":{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}},"time_quality":"synced","historical":false,"fw":"0.1.0","config_version":1,"uptime_s":86400,"free_heap_bytes":41232,"rssi_dbm":-67,"reset_reason":"power_on","queue_depth":0,"queue_capacity":256,"queue_dropped":0,"publish_failures":0}"""));
}
