using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Retrosense.Platform.Models;
using Retrosense.Platform.Registry;
using Retrosense.Storage.Tests.Backends;

namespace Retrosense.Storage.Tests.Models;

/// <summary>The model registry through <see cref="IModelRegistryStore"/>; run against every adapter.</summary>
public abstract class ModelRegistryStoreTests : StoreTestBase
{
    private const string Tenant = "acme";
    private const string Site = "plant-1";
    private const string Asset = "pump-3";
    private const string Name = "anomaly-baseline";

    protected ModelRegistryStoreTests(StoreBackend backend)
        : base(backend)
    {
    }

    private IModelRegistryStore Models => Store.Models;

    private static ModelScope AssetScope => ModelScope.Asset(Tenant, Site, Asset);

    [Fact]
    public async Task Registering_Numbers_Versions_Per_Scope_And_Name_And_Keeps_The_Package_Bytes()
    {
        var first = await Models.RegisterAsync(Registration(AssetScope, "one"));
        var second = await Models.RegisterAsync(Registration(AssetScope, "two"));
        var tenantWide = await Models.RegisterAsync(Registration(ModelScope.Tenant(Tenant), "tenant"));
        var byPath = await Models.RegisterAsync(Registration(AssetScope, null) with { ArtifactPath = "models/failure-risk-3.zip" });

        Assert.Equal((1, 2, 1, 3), (first.Version, second.Version, tenantWide.Version, byPath.Version));
        Assert.Equal(AssetScope, second.Scope);
        Assert.False(second.IsPromoted);
        Assert.Equal("two", Encoding.UTF8.GetString((await Models.GetPackageAsync(Tenant, second.ModelId))!));
        Assert.Equal(3, second.PackageBytes);
        Assert.Null(await Models.GetPackageAsync(Tenant, byPath.ModelId));
        Assert.Equal("models/failure-risk-3.zip", byPath.ArtifactPath);
        Assert.Equal("""{"features":["x.vel_rms_mm_s"]}""", second.MetadataJson);
        Assert.Equal(Start, second.RegisteredAtUtc);
        Assert.Equal(
            [byPath.ModelId, tenantWide.ModelId, second.ModelId, first.ModelId],
            (await Models.ListAsync(Tenant)).Select(model => model.ModelId));
        Assert.Equal(3, (await Models.ListAsync(Tenant, Site, Asset)).Count);
    }

    [Fact]
    public async Task Promoting_Keeps_One_Promoted_Version_And_Roll_Back_Walks_Back_Through_The_Promotions()
    {
        var first = await Models.RegisterAsync(Registration(AssetScope, "one"));
        var second = await Models.RegisterAsync(Registration(AssetScope, "two"));
        var third = await Models.RegisterAsync(Registration(AssetScope, "three"));

        await Models.PromoteAsync(Tenant, first.ModelId, "ops");
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Models.PromoteAsync(Tenant, second.ModelId, "ops");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var promotedThird = await Models.PromoteAsync(Tenant, third.ModelId, "kim");
        Assert.Equal((true, Start.AddMinutes(2)), (promotedThird.IsPromoted, promotedThird.PromotedAtUtc!.Value));
        Assert.Equal([third.ModelId], (await Models.ListAsync(Tenant)).Where(model => model.IsPromoted).Select(model => model.ModelId));

        var afterFirstRollBack = await Models.RollBackAsync(AssetScope, Name, "kim");
        var afterSecondRollBack = await Models.RollBackAsync(AssetScope, Name, "kim");
        var afterThirdRollBack = await Models.RollBackAsync(AssetScope, Name, "kim");

        Assert.Equal(second.ModelId, afterFirstRollBack!.ModelId);
        Assert.Equal(first.ModelId, afterSecondRollBack!.ModelId);
        Assert.Null(afterThirdRollBack);
        Assert.Null(await Models.FindPromotedAsync(Tenant, Site, Asset, Name));
        await Assert.ThrowsAsync<RegistryNotFoundException>(() => Models.RollBackAsync(AssetScope, Name, "kim"));
        var history = await Models.ListPromotionsAsync(AssetScope, Name);
        (string, long?, long?)[] expected =
        [
            ("promote", first.ModelId, null), ("promote", second.ModelId, first.ModelId), ("promote", third.ModelId, second.ModelId),
            ("rollback", second.ModelId, third.ModelId), ("rollback", first.ModelId, second.ModelId), ("rollback", null, first.ModelId),
        ];
        Assert.Equal(expected, history.Select(entry => (entry.Action, entry.ModelId, entry.ReplacedModelId)));
        Assert.Equal("kim", history[^1].By);
    }

    [Fact]
    public async Task An_Asset_Uses_Its_Own_Promoted_Model_Before_The_Tenants_And_Other_Tenants_See_Neither()
    {
        var tenantWide = await Models.RegisterAsync(Registration(ModelScope.Tenant(Tenant), "tenant"));
        var own = await Models.RegisterAsync(Registration(AssetScope, "own"));
        await Models.PromoteAsync(Tenant, tenantWide.ModelId, "ops");

        Assert.Equal(tenantWide.ModelId, (await Models.FindPromotedAsync(Tenant, Site, Asset, Name))!.ModelId);
        await Models.PromoteAsync(Tenant, own.ModelId, "ops");
        Assert.Equal(own.ModelId, (await Models.FindPromotedAsync(Tenant, Site, Asset, Name))!.ModelId);
        Assert.Equal(tenantWide.ModelId, (await Models.FindPromotedAsync(Tenant, Site, "pump-4", Name))!.ModelId);
        Assert.Equal(tenantWide.ModelId, (await Models.FindPromotedAsync(Tenant, "plant-2", Asset, Name))!.ModelId);

        Assert.Null(await Models.FindPromotedAsync("other", Site, Asset, Name));
        Assert.Null(await Models.GetAsync("other", own.ModelId));
        Assert.Null(await Models.GetPackageAsync("other", own.ModelId));
        await Assert.ThrowsAsync<RegistryNotFoundException>(() => Models.PromoteAsync("other", own.ModelId, "ops"));
    }

    [Fact]
    public async Task Bad_Registrations_Are_Refused_With_A_Reason_And_Store_Nothing()
    {
        var noPackage = await Assert.ThrowsAsync<ArgumentException>(() => Models.RegisterAsync(Registration(AssetScope, null)));
        var badMetadata = await Assert.ThrowsAsync<ArgumentException>(() => Models.RegisterAsync(Registration(AssetScope, "x") with { MetadataJson = "[1]" }));
        var halfScope = await Assert.ThrowsAsync<ArgumentException>(() => Models.RegisterAsync(Registration(new ModelScope(Tenant, Site, null), "x")));
        var blankName = await Assert.ThrowsAsync<ArgumentException>(() => Models.RegisterAsync(Registration(AssetScope, "x") with { Name = " " }));

        Assert.Contains("exactly one of", noPackage.Message, StringComparison.Ordinal);
        Assert.Contains("JSON object", badMetadata.Message, StringComparison.Ordinal);
        Assert.Contains("site and the asset", halfScope.Message, StringComparison.Ordinal);
        Assert.Contains("model name", blankName.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("models"));
    }

    private ModelRegistration Registration(ModelScope scope, string? package) => new(
        scope,
        Name,
        ModelKinds.AnomalyBaseline,
        Start.AddHours(-1),
        """{"windows":120}""",
        """{"features":["x.vel_rms_mm_s"]}""",
        package is null ? null : Encoding.UTF8.GetBytes(package),
        null,
        "scoring");
}
