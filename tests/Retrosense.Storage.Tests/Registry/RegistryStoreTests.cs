using System;
using System.Linq;
using System.Threading.Tasks;
using Retrosense.Node.Configuration;
using Retrosense.Platform.Registry;
using Retrosense.Storage.Tests.Backends;

namespace Retrosense.Storage.Tests.Registry;

/// <summary>
/// The registry's behaviour, written once and run against every adapter (see the concrete subclasses): each test
/// gets a fresh, migrated, empty store and a hand-moved clock.
/// </summary>
public abstract class RegistryStoreTests : IAsyncLifetime
{
    protected const string Tenant = "acme-foods";
    protected const string Site = "plant-1";
    protected const string Asset = "pump-3";
    protected const string NodeId = "node-0001";

    /// <summary>2026-03-02 01:02:03.456 UTC: a whole millisecond, so it survives both stores exactly.</summary>
    protected static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 2, 3, 456, TimeSpan.Zero);

    private readonly StoreBackend _backend;

    protected RegistryStoreTests(StoreBackend backend)
    {
        _backend = backend;
    }

    protected ManualTimeProvider Clock { get; } = new(Start);

    protected ReportingStore Store { get; private set; } = null!;

    protected IRegistryStore Registry => Store.Registry;

    public async ValueTask InitializeAsync()
    {
        var options = await _backend.CreateEmptyStoreAsync(Clock);
        Store = await ReportingStoreFactory.OpenAsync(options, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Store != null)
        {
            await Store.DisposeAsync();
        }

        await _backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Ensuring_A_Tenant_Twice_Keeps_Its_Creation_Time_And_Takes_The_New_Name()
    {
        var first = await Registry.EnsureTenantAsync(Tenant, "Acme Foods");
        Clock.Advance(TimeSpan.FromHours(1));
        var second = await Registry.EnsureTenantAsync(Tenant, "Acme Foods Co.");

        Assert.Equal(Start, first.CreatedAtUtc);
        Assert.Equal(Start, second.CreatedAtUtc);
        Assert.Equal("Acme Foods Co.", second.DisplayName);
        Assert.Equal(second, await Registry.GetTenantAsync(Tenant));
        Assert.Null(await Registry.GetTenantAsync("nobody"));
    }

    [Fact]
    public async Task Upserting_Sites_And_Assets_Again_Updates_Them_In_Place()
    {
        await Registry.EnsureTenantAsync(Tenant, "Acme Foods");
        await Registry.UpsertSiteAsync(new Site(Tenant, Site, "Plant 1"));
        await Registry.UpsertSiteAsync(new Site(Tenant, Site, "Plant One", "Asia/Tokyo"));
        await Registry.UpsertAssetAsync(new Asset(Tenant, Site, Asset, "Pump 3", MachineGroup.Group2, Foundation.Rigid, null));
        await Registry.UpsertAssetAsync(new Asset(Tenant, Site, Asset, "Feed pump 3", MachineGroup.Group1, Foundation.Flexible, 1480.5f));

        var site = Assert.Single(await Registry.ListSitesAsync(Tenant));
        Assert.Equal(new Site(Tenant, Site, "Plant One", "Asia/Tokyo"), site);
        var asset = Assert.Single(await Registry.ListAssetsAsync(Tenant));
        Assert.Equal(new Asset(Tenant, Site, Asset, "Feed pump 3", MachineGroup.Group1, Foundation.Flexible, 1480.5f), asset);
        Assert.Equal(asset, await Registry.GetAssetAsync(Tenant, Site, Asset));
    }

    [Fact]
    public async Task A_Site_Keeps_The_Default_Time_Zone_Asia_Seoul()
    {
        await Registry.EnsureTenantAsync(Tenant, "Acme Foods");
        await Registry.UpsertSiteAsync(new Site(Tenant, Site, "Plant 1"));

        var site = await Registry.GetSiteAsync(Tenant, Site);

        Assert.Equal("Asia/Seoul", site?.TimeZoneId);
    }

    [Fact]
    public async Task Sites_Assets_And_Nodes_Need_Their_Parent_Registered_First()
    {
        var noTenant = await Assert.ThrowsAsync<RegistryNotFoundException>(() => Registry.UpsertSiteAsync(new Site(Tenant, Site, "Plant 1")));
        Assert.Equal("tenant 'acme-foods' is not registered", noTenant.Message);

        await Registry.EnsureTenantAsync(Tenant, "Acme Foods");
        var noSite = await Assert.ThrowsAsync<RegistryNotFoundException>(
            () => Registry.UpsertAssetAsync(new Asset(Tenant, Site, Asset, "Pump 3", MachineGroup.Group2, Foundation.Rigid, null)));
        Assert.Equal("site 'plant-1' is not registered in tenant 'acme-foods'", noSite.Message);

        await Registry.UpsertSiteAsync(new Site(Tenant, Site, "Plant 1"));
        var noAsset = await Assert.ThrowsAsync<RegistryNotFoundException>(() => Registry.AddNodeAsync(Registration(NodeId, Thumbprint(1))));
        Assert.Equal("asset 'pump-3' is not registered at site 'plant-1' of tenant 'acme-foods'", noAsset.Message);
    }

    [Fact]
    public async Task A_Provisioned_Node_Round_Trips_Every_Field()
    {
        await RegisterAssetAsync(Tenant);
        var registration = new NodeRegistration(Tenant, Site, Asset, NodeId, NodeBoard.Stm32, Thumbprint(7).ToLowerInvariant(), "0a1b2c", 3);

        var added = await Registry.AddNodeAsync(registration);
        var read = await Registry.GetNodeAsync(Tenant, NodeId);

        Assert.NotNull(read);
        Assert.Equal(NodeStatus.Provisioned, read.Status);
        Assert.Equal(Start, read.ProvisionedAtUtc);
        Assert.Equal(TimeSpan.Zero, read.ProvisionedAtUtc.Offset);
        Assert.Equal(Thumbprint(7), read.CertificateThumbprintSha256);
        Assert.Equal("0A1B2C", read.CertificateSerialNumber);
        Assert.Equal(NodeBoard.Stm32, read.Board);
        Assert.Equal(3, read.ConfigVersion);
        Assert.Null(read.RevokedAtUtc);
        Assert.Null(read.FirmwareVersionLastSeen);
        Assert.Equal(added, read);
    }

    [Fact]
    public async Task Provisioning_A_Node_Id_That_Is_Already_Active_Is_Refused()
    {
        await RegisterAssetAsync(Tenant);
        await Registry.AddNodeAsync(Registration(NodeId, Thumbprint(1)));

        var conflict = await Assert.ThrowsAsync<RegistryConflictException>(() => Registry.AddNodeAsync(Registration(NodeId, Thumbprint(2))));

        Assert.Equal(
            "node 'node-0001' is already provisioned in tenant 'acme-foods' (site 'plant-1', asset 'pump-3', since 2026-03-02 01:02:03Z); "
            + "revoke it before provisioning the id again",
            conflict.Message);
        Assert.Single(await Registry.ListNodesAsync(Tenant));
    }

    [Fact]
    public async Task Of_Concurrent_Provisionings_Of_One_Node_Id_Exactly_One_Succeeds()
    {
        await RegisterAssetAsync(Tenant);

        var attempts = Enumerable.Range(1, 8).Select(async digit =>
        {
            try
            {
                await Registry.AddNodeAsync(Registration(NodeId, Thumbprint(digit)));
                return "added";
            }
            catch (RegistryConflictException)
            {
                return "conflict";
            }
        });
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(outcome => outcome == "added"));
        Assert.Equal(7, outcomes.Count(outcome => outcome == "conflict"));
        Assert.Single(await Registry.ListNodesAsync(Tenant));
    }

    [Fact]
    public async Task One_Certificate_Cannot_Identify_Two_Active_Nodes()
    {
        await RegisterAssetAsync(Tenant);
        await Registry.AddNodeAsync(Registration(NodeId, Thumbprint(1)));

        var conflict = await Assert.ThrowsAsync<RegistryConflictException>(() => Registry.AddNodeAsync(Registration("node-0002", Thumbprint(1))));

        Assert.Contains("is already registered to node 'node-0001' of tenant 'acme-foods'", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Revoked_Node_Is_No_Longer_Authorized()
    {
        await RegisterAssetAsync(Tenant);
        await Registry.AddNodeAsync(Registration(NodeId, Thumbprint(1)));
        Assert.True(await Registry.IsNodeAuthorizedAsync(Tenant, Site, Asset, NodeId));
        Clock.Advance(TimeSpan.FromDays(2));

        var revoked = await Registry.RevokeNodeAsync(Tenant, NodeId, "board lost during maintenance");

        Assert.Equal(NodeStatus.Revoked, revoked.Status);
        Assert.Equal(Start.AddDays(2), revoked.RevokedAtUtc);
        Assert.Equal("board lost during maintenance", revoked.RevocationReason);
        Assert.False(await Registry.IsNodeAuthorizedAsync(Tenant, Site, Asset, NodeId));
        Assert.Null(await Registry.FindActiveNodeByCertificateAsync(Thumbprint(1)));
        Assert.Equal(revoked, await Registry.GetNodeAsync(Tenant, NodeId));
    }

    [Fact]
    public async Task Revoking_Twice_Or_Revoking_An_Unknown_Node_Says_Why_It_Cannot()
    {
        await RegisterAssetAsync(Tenant);
        await Registry.AddNodeAsync(Registration(NodeId, Thumbprint(1)));
        await Registry.RevokeNodeAsync(Tenant, NodeId, "replaced");

        var again = await Assert.ThrowsAsync<RegistryNotFoundException>(() => Registry.RevokeNodeAsync(Tenant, NodeId, "replaced"));
        var unknown = await Assert.ThrowsAsync<RegistryNotFoundException>(() => Registry.RevokeNodeAsync(Tenant, "node-9999", "typo"));

        Assert.Equal("node 'node-0001' of tenant 'acme-foods' is already revoked (since 2026-03-02 01:02:03Z: replaced)", again.Message);
        Assert.Equal("node 'node-9999' is not registered in tenant 'acme-foods'", unknown.Message);
    }

    [Fact]
    public async Task A_Revoked_Node_Id_Can_Be_Provisioned_Again_And_Keeps_Its_History()
    {
        await RegisterAssetAsync(Tenant);
        await Registry.AddNodeAsync(Registration(NodeId, Thumbprint(1)));
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Registry.RevokeNodeAsync(Tenant, NodeId, "board replaced");
        Clock.Advance(TimeSpan.FromMinutes(5));

        var replacement = await Registry.AddNodeAsync(Registration(NodeId, Thumbprint(2)));

        var history = await Registry.ListNodesAsync(Tenant);
        Assert.Equal(new[] { NodeStatus.Revoked, NodeStatus.Provisioned }, history.Select(node => node.Status));
        Assert.Equal(replacement, await Registry.GetNodeAsync(Tenant, NodeId));
        Assert.Equal(NodeId, (await Registry.FindActiveNodeByCertificateAsync(Thumbprint(2)))?.NodeId);
        Assert.True(await Registry.IsNodeAuthorizedAsync(Tenant, Site, Asset, NodeId));
    }

    [Fact]
    public async Task Authorization_Requires_The_Registered_Site_And_Asset()
    {
        await RegisterAssetAsync(Tenant);
        await Registry.UpsertAssetAsync(new Asset(Tenant, Site, "pump-4", "Pump 4", MachineGroup.Group2, Foundation.Rigid, null));
        await Registry.AddNodeAsync(Registration(NodeId, Thumbprint(1)));

        Assert.True(await Registry.IsNodeAuthorizedAsync(Tenant, Site, Asset, NodeId));
        Assert.False(await Registry.IsNodeAuthorizedAsync(Tenant, Site, "pump-4", NodeId));
        Assert.False(await Registry.IsNodeAuthorizedAsync(Tenant, "plant-2", Asset, NodeId));
        Assert.False(await Registry.IsNodeAuthorizedAsync(Tenant, Site, Asset, "node-0002"));
    }

    [Fact]
    public async Task Malformed_Ids_Are_Simply_Not_Authorized()
    {
        await RegisterAssetAsync(Tenant);
        await Registry.AddNodeAsync(Registration(NodeId, Thumbprint(1)));

        Assert.False(await Registry.IsNodeAuthorizedAsync(Tenant, Site, Asset, "node-0001/#"));
        Assert.False(await Registry.IsNodeAuthorizedAsync("", Site, Asset, NodeId));
        Assert.False(await Registry.IsNodeAuthorizedAsync(Tenant, Site, Asset, new string('n', 65)));
    }

    [Fact]
    public async Task The_Same_Node_Id_In_Another_Tenant_Is_A_Separate_Node()
    {
        await RegisterAssetAsync(Tenant);
        await RegisterAssetAsync("other-co");
        await Registry.AddNodeAsync(Registration(NodeId, Thumbprint(1)));
        await Registry.AddNodeAsync(Registration(NodeId, Thumbprint(2), tenant: "other-co"));

        await Registry.RevokeNodeAsync("other-co", NodeId, "contract ended");

        Assert.True(await Registry.IsNodeAuthorizedAsync(Tenant, Site, Asset, NodeId));
        Assert.False(await Registry.IsNodeAuthorizedAsync("other-co", Site, Asset, NodeId));
        Assert.Equal(Thumbprint(1), Assert.Single(await Registry.ListNodesAsync(Tenant)).CertificateThumbprintSha256);
        Assert.Equal(Thumbprint(2), Assert.Single(await Registry.ListNodesAsync("other-co")).CertificateThumbprintSha256);
    }

    [Fact]
    public async Task Listing_Nodes_Filters_By_Site_And_Asset()
    {
        await RegisterAssetAsync(Tenant);
        await Registry.UpsertAssetAsync(new Asset(Tenant, Site, "fan-1", "Fan 1", MachineGroup.Group2, Foundation.Flexible, 900f));
        await Registry.UpsertSiteAsync(new Site(Tenant, "plant-2", "Plant 2"));
        await Registry.UpsertAssetAsync(new Asset(Tenant, "plant-2", Asset, "Pump 3 at plant 2", MachineGroup.Group2, Foundation.Rigid, null));
        await Registry.AddNodeAsync(Registration("n-c", Thumbprint(1)));
        await Registry.AddNodeAsync(Registration("n-a", Thumbprint(2), asset: "fan-1"));
        await Registry.AddNodeAsync(Registration("n-b", Thumbprint(3), site: "plant-2"));

        Assert.Equal(new[] { "n-a", "n-b", "n-c" }, (await Registry.ListNodesAsync(Tenant)).Select(node => node.NodeId));
        Assert.Equal(new[] { "n-a", "n-c" }, (await Registry.ListNodesAsync(Tenant, Site)).Select(node => node.NodeId));
        Assert.Equal(new[] { "n-c" }, (await Registry.ListNodesAsync(Tenant, Site, Asset)).Select(node => node.NodeId));
        Assert.Equal(new[] { "n-b", "n-c" }, (await Registry.ListNodesAsync(Tenant, assetId: Asset)).Select(node => node.NodeId));
        Assert.Empty(await Registry.ListNodesAsync("other-co"));
    }

    [Fact]
    public async Task An_Installation_Round_Trips_With_The_Time_It_Was_Recorded()
    {
        await RegisterAssetAsync(Tenant);
        await Registry.AddNodeAsync(Registration(NodeId, Thumbprint(1)));
        Clock.Advance(TimeSpan.FromMinutes(30));
        var details = new InstallationDetails(
            Tenant, NodeId, MountingPoint.DriveEnd, "x=horizontal,y=vertical,z=axial", "Kim Min-jun", new DateOnly(2026, 3, 2),
            "Stud-mounted on the bearing housing, paint removed, 베어링 하우징");

        var recorded = await Registry.RecordInstallationAsync(details);
        var listed = Assert.Single(await Registry.ListInstallationsAsync(Tenant, NodeId));

        Assert.Equal(details, recorded.Details);
        Assert.Equal(Start.AddMinutes(30), recorded.RecordedAtUtc);
        Assert.Equal(Start, recorded.NodeProvisionedAtUtc);
        Assert.Equal(recorded, listed);
    }

    [Fact]
    public async Task An_Installation_Of_A_Node_Without_An_Active_Registration_Is_Refused()
    {
        await RegisterAssetAsync(Tenant);
        var details = new InstallationDetails(Tenant, NodeId, MountingPoint.Other, "x=axial", "Lee", new DateOnly(2026, 3, 2), null);

        var missing = await Assert.ThrowsAsync<RegistryNotFoundException>(() => Registry.RecordInstallationAsync(details));

        Assert.Contains("node 'node-0001' has no active registration in tenant 'acme-foods'", missing.Message, StringComparison.Ordinal);
        Assert.Empty(await Registry.ListInstallationsAsync(Tenant, NodeId));
    }

    [Fact]
    public async Task Firmware_Seen_And_Config_Version_Are_Recorded_On_The_Active_Registration()
    {
        await RegisterAssetAsync(Tenant);
        await Registry.AddNodeAsync(Registration(NodeId, Thumbprint(1)));
        Clock.Advance(TimeSpan.FromSeconds(42));

        await Registry.RecordFirmwareSeenAsync(Tenant, NodeId, "1.4.0+esp32");
        await Registry.RecordConfigVersionAsync(Tenant, NodeId, 12);

        var node = await Registry.GetNodeAsync(Tenant, NodeId);
        Assert.Equal("1.4.0+esp32", node?.FirmwareVersionLastSeen);
        Assert.Equal(Start.AddSeconds(42), node?.LastSeenAtUtc);
        Assert.Equal(12, node?.ConfigVersion);
        await Assert.ThrowsAsync<RegistryNotFoundException>(() => Registry.RecordConfigVersionAsync(Tenant, "node-0002", 1));
    }

    [Theory]
    [InlineData("", "tenant id '' is empty")]
    [InlineData("acme/foods", "tenant id 'acme/foods' has invalid character '/' at index 4 (allowed: A-Z a-z 0-9 . _ -)")]
    [InlineData("acme+", "tenant id 'acme+' has invalid character '+' at index 4 (allowed: A-Z a-z 0-9 . _ -)")]
    [InlineData("acme foods", "tenant id 'acme foods' has invalid character ' ' at index 4 (allowed: A-Z a-z 0-9 . _ -)")]
    public async Task Invalid_Tenant_Ids_Are_Refused_With_A_Clear_Message(string tenantId, string expectedMessage)
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Registry.EnsureTenantAsync(tenantId, "Acme"));

        Assert.StartsWith(expectedMessage, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_Site_Asset_And_Node_Ids_Are_Refused_Before_Reaching_The_Store()
    {
        await RegisterAssetAsync(Tenant);

        var site = await Assert.ThrowsAsync<ArgumentException>(() => Registry.GetSiteAsync(Tenant, "plant#1"));
        var asset = Assert.Throws<ArgumentException>(() => new Asset(Tenant, Site, new string('a', 65), "Long", MachineGroup.Group1, Foundation.Rigid, null));
        var node = await Assert.ThrowsAsync<ArgumentException>(() => Registry.RevokeNodeAsync(Tenant, "node 1", "why"));
        var thumbprint = Assert.Throws<ArgumentException>(() => Registration(NodeId, "abc"));

        Assert.StartsWith("site id 'plant#1' has invalid character '#'", site.Message, StringComparison.Ordinal);
        Assert.StartsWith("asset id '" + new string('a', 65) + "' is 65 characters long, at most 64 allowed", asset.Message, StringComparison.Ordinal);
        Assert.StartsWith("node id 'node 1' has invalid character ' '", node.Message, StringComparison.Ordinal);
        Assert.StartsWith("certificate thumbprint 'abc' is not a SHA-256 hash (64 hex digits)", thumbprint.Message, StringComparison.Ordinal);
        Assert.Empty(await Registry.ListNodesAsync(Tenant));
    }

    /// <summary>A recognisable SHA-256 thumbprint: 64 hex digits made of <paramref name="digit"/>.</summary>
    protected static string Thumbprint(int digit) => new(Convert.ToChar("0123456789ABCDEF"[digit % 16]), 64);

    protected static NodeRegistration Registration(string nodeId, string thumbprint, string tenant = Tenant, string site = Site, string asset = Asset) =>
        new(tenant, site, asset, nodeId, NodeBoard.Esp32, thumbprint, "1F2E3D4C", 1);

    protected async Task RegisterAssetAsync(string tenant)
    {
        await Registry.EnsureTenantAsync(tenant, tenant + " Ltd.");
        await Registry.UpsertSiteAsync(new Site(tenant, Site, "Plant 1"));
        await Registry.UpsertAssetAsync(new Asset(tenant, Site, Asset, "Pump 3", MachineGroup.Group2, Foundation.Rigid, 1780f));
    }
}
