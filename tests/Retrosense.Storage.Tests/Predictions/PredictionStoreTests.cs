using System;
using System.Linq;
using System.Threading.Tasks;
using Retrosense.Platform.Predictions;
using Retrosense.Storage.Tests.Backends;

namespace Retrosense.Storage.Tests.Predictions;

/// <summary>Predictions through <see cref="IPredictionStore"/>; run against every adapter.</summary>
public abstract class PredictionStoreTests : StoreTestBase
{
    private const string Tenant = "acme";
    private const string Site = "plant-1";
    private const string Asset = "pump-3";

    protected PredictionStoreTests(StoreBackend backend)
        : base(backend)
    {
    }

    [Fact]
    public async Task Predictions_Read_Back_By_Time_Range_And_Kind_And_The_Latest_Of_Each_Kind()
    {
        await Store.Predictions.WriteAsync(
        [
            Health(Start, 98.5, "normal"),
            Health(Start.AddMinutes(1), 41.25, "anomaly"),
            new Prediction(Tenant, Site, Asset, "n-1", "rul", "2", PredictionKind.RemainingUsefulLife, Start.AddSeconds(30), 120, null, """{"low_hours":80,"high_hours":170}"""),
            Health(Start.AddMinutes(2), 35, "anomaly") with { SiteId = "plant-2" },
            Health(Start.AddMinutes(3), 90, "normal") with { TenantId = "other" },
        ]);

        var range = await Store.Predictions.ListAsync(new PredictionQuery(Tenant, Site, Asset, Start, Start.AddMinutes(5)));
        var anomalies = await Store.Predictions.ListAsync(new PredictionQuery(Tenant, Site, Asset, Start, Start.AddMinutes(5), PredictionKind.Anomaly));
        var latest = await Store.Predictions.GetLatestAsync(Tenant, Site, Asset);

        Assert.Equal([98.5, 120, 41.25], range.Select(prediction => prediction.Value!.Value));
        Assert.Equal(["normal", "anomaly"], anomalies.Select(prediction => prediction.Label!));
        Assert.Equal((Start.AddMinutes(1), "n-1", "1", Start), (anomalies[1].TimestampUtc, anomalies[1].NodeId!, anomalies[1].ModelVersion, anomalies[1].CreatedAtUtc));
        Assert.Equal("""{"drivers":["x.env_bpfo_g"]}""", anomalies[1].DetailsJson);
        Assert.Equal([(PredictionKind.Anomaly, 41.25), (PredictionKind.RemainingUsefulLife, 120.0)], latest.Select(prediction => (prediction.Kind, prediction.Value!.Value)));
    }

    [Fact]
    public async Task A_Non_Finite_Value_Is_Refused_And_Nothing_Of_The_Batch_Is_Stored()
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Store.Predictions.WriteAsync([Health(Start, 50, "normal"), Health(Start, double.NaN, "normal")]));

        Assert.Contains("finite", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("predictions"));
    }

    private static Prediction Health(DateTimeOffset at, double score, string label) =>
        new(Tenant, Site, Asset, "n-1", "anomaly-baseline", "1", PredictionKind.Anomaly, at, score, label, """{"drivers":["x.env_bpfo_g"]}""");
}
