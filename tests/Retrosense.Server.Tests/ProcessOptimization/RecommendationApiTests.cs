using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Analytics.Process;
using Retrosense.Server.ProcessOptimization;
using Retrosense.Server.Tests.Api;
using static Retrosense.Server.Tests.Api.ApiResponses;

namespace Retrosense.Server.Tests.ProcessOptimization;

/// <summary>
/// Recommendations end to end through the HTTP API on the shared seeded server: a small process model (quality peaks
/// at speed 3, force 5) is written into the server's model folder for acme/pump-3, then asked for, listed, accepted
/// and rejected over HTTP.
/// </summary>
[Collection(ApiServerCollection.Name)]
public sealed class RecommendationApiTests(ApiTestServer fixture)
{
    private const string Acme = "/api/v1/tenants/" + ApiTestServer.Tenant;

    private static readonly SemaphoreSlim ModelWritten = new(1, 1);

    [Fact]
    public async Task A_recommendation_is_made_on_demand_listed_accepted_and_its_decision_recorded()
    {
        await EnsureModelAsync();

        var created = await CreateAsync(new { conditions = new { moisture = 0.5 }, current = new { speed = 1.0, force = 7.0 }, requestedBy = "kim.engineer" });

        Assert.Equal("proposed", created.GetProperty("status").GetString());
        Assert.Equal(ApiTestServer.Asset, created.GetProperty("assetId").GetString());
        var speed = created.GetProperty("setpoints").GetProperty("speed").GetDouble();
        var force = created.GetProperty("setpoints").GetProperty("force").GetDouble();
        Assert.InRange(speed, 2, 4);
        Assert.InRange(force, 4, 6);
        var effect = created.GetProperty("expectedEffect");
        Assert.Equal("recommended", effect.GetProperty("status").GetString());
        Assert.True(effect.GetProperty("improvement").GetProperty("value").GetDouble() > 0);
        var id = created.GetProperty("recommendationId").GetInt64();

        var proposed = await fixture.Http.GetJsonAsync(Acme + "/recommendations?status=proposed&asset=" + ApiTestServer.Asset);
        Assert.Contains(proposed.EnumerateArray(), r => r.GetProperty("recommendationId").GetInt64() == id);

        using var accept = await fixture.Http.PostAsJsonAsync($"{Acme}/recommendations/{id}/accept", new { by = "kim.engineer", reason = "trial on the next batch" }, TestContext.Current.CancellationToken);
        var accepted = await ReadAsync(accept, HttpStatusCode.OK);
        Assert.Equal("accepted", accepted.GetProperty("recommendation").GetProperty("status").GetString());
        var decision = Assert.Single(accepted.GetProperty("decisions").EnumerateArray());
        Assert.Equal("accepted", decision.GetProperty("decision").GetString());
        Assert.Equal("kim.engineer", decision.GetProperty("by").GetString());
        Assert.Equal("trial on the next batch", decision.GetProperty("reason").GetString());

        var detail = await fixture.Http.GetJsonAsync($"{Acme}/recommendations/{id}");
        Assert.Single(detail.GetProperty("decisions").EnumerateArray());
        var stillProposed = await fixture.Http.GetJsonAsync(Acme + "/recommendations?status=proposed");
        Assert.DoesNotContain(stillProposed.EnumerateArray(), r => r.GetProperty("recommendationId").GetInt64() == id);

        using var rejectAfterAccept = await fixture.Http.PostAsJsonAsync($"{Acme}/recommendations/{id}/reject", new { by = "lee" }, TestContext.Current.CancellationToken);
        Assert.Equal($"recommendation {id} is already accepted", await ReadProblemDetailAsync(rejectAfterAccept, HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task A_rejection_is_recorded_with_who_and_why()
    {
        await EnsureModelAsync();
        var created = await CreateAsync(new { conditions = new { moisture = 0.3 }, current = new { speed = 5.0, force = 3.0 } });
        var id = created.GetProperty("recommendationId").GetInt64();

        using var reject = await fixture.Http.PostAsJsonAsync($"{Acme}/recommendations/{id}/reject", new { by = "lee.operator", reason = "press 2 is due for maintenance" }, TestContext.Current.CancellationToken);
        var rejected = await ReadAsync(reject, HttpStatusCode.OK);

        Assert.Equal("rejected", rejected.GetProperty("recommendation").GetProperty("status").GetString());
        var decision = Assert.Single(rejected.GetProperty("decisions").EnumerateArray());
        Assert.Equal("lee.operator", decision.GetProperty("by").GetString());
        Assert.Equal("press 2 is due for maintenance", decision.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Bad_requests_say_what_is_wrong_and_store_nothing()
    {
        await EnsureModelAsync();
        var before = (await fixture.Http.GetJsonAsync(Acme + "/recommendations?limit=1000")).GetArrayLength();

        using var unknown = await fixture.Http.PostAsJsonAsync($"{Acme}/assets/{ApiTestServer.Asset}/recommendations", new { conditions = new { moisture = 0.5, humidity = 40.0 } }, TestContext.Current.CancellationToken);
        Assert.StartsWith("unknown condition 'humidity'", await ReadProblemDetailAsync(unknown, HttpStatusCode.BadRequest), StringComparison.Ordinal);

        using var missing = await fixture.Http.PostAsJsonAsync($"{Acme}/assets/{ApiTestServer.Asset}/recommendations", new { current = new { speed = 1.0, force = 7.0 } }, TestContext.Current.CancellationToken);
        Assert.StartsWith("no value for condition(s) moisture", await ReadProblemDetailAsync(missing, HttpStatusCode.BadRequest), StringComparison.Ordinal);

        using var outside = await fixture.Http.PostAsJsonAsync($"{Acme}/assets/{ApiTestServer.Asset}/recommendations", new { conditions = new { moisture = 0.5 }, bounds = new { speed = new { low = 20.0, high = 30.0 } } }, TestContext.Current.CancellationToken);
        Assert.Contains("lie outside the training data", await ReadProblemDetailAsync(outside, HttpStatusCode.BadRequest), StringComparison.Ordinal);

        using var noModel = await fixture.Http.PostAsJsonAsync($"{Acme}/assets/{ApiTestServer.OtherSiteAsset}/recommendations", new { conditions = new { moisture = 0.5 } }, TestContext.Current.CancellationToken);
        Assert.Equal($"asset '{ApiTestServer.OtherSiteAsset}' of tenant 'acme' has no process model", await ReadProblemDetailAsync(noModel, HttpStatusCode.NotFound));

        using var nobody = await fixture.Http.PostAsJsonAsync($"{Acme}/recommendations/1/accept", new { reason = "no name" }, TestContext.Current.CancellationToken);
        Assert.Equal("'by' is required: who accepts the recommendation", await ReadProblemDetailAsync(nobody, HttpStatusCode.BadRequest));

        Assert.Equal(before, (await fixture.Http.GetJsonAsync(Acme + "/recommendations?limit=1000")).GetArrayLength());
    }

    [Fact]
    public async Task Another_tenant_cannot_see_or_decide_a_recommendation()
    {
        await EnsureModelAsync();
        var created = await CreateAsync(new { conditions = new { moisture = 0.5 }, current = new { speed = 1.0, force = 7.0 } });
        var id = created.GetProperty("recommendationId").GetInt64().ToString(CultureInfo.InvariantCulture);
        var globex = "/api/v1/tenants/" + ApiTestServer.OtherTenant;

        await fixture.Http.GetProblemDetailAsync($"{globex}/recommendations/{id}", HttpStatusCode.NotFound);
        using var accept = await fixture.Http.PostAsJsonAsync($"{globex}/recommendations/{id}/accept", new { by = "intruder" }, TestContext.Current.CancellationToken);
        Assert.Equal($"tenant 'globex' has no recommendation {id}", await ReadProblemDetailAsync(accept, HttpStatusCode.NotFound));
        var listed = await fixture.Http.GetJsonAsync(globex + "/recommendations");
        Assert.DoesNotContain(listed.EnumerateArray(), r => r.GetProperty("recommendationId").GetInt64().ToString(CultureInfo.InvariantCulture) == id);
    }

    [Fact]
    public async Task The_schedule_skips_an_asset_whose_readings_lack_a_condition()
    {
        await EnsureModelAsync();
        var scheduler = fixture.Services.GetService(typeof(ProcessRecommendationScheduler));
        Assert.NotNull(scheduler);

        // pump-3 reports no 'moisture' metric, so the scheduled pass cannot fill the condition and stores nothing.
        var stored = await ((ProcessRecommendationScheduler)scheduler).RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, stored);
    }

    private async Task<System.Text.Json.JsonElement> CreateAsync(object body)
    {
        using var response = await fixture.Http.PostAsJsonAsync($"{Acme}/assets/{ApiTestServer.Asset}/recommendations", body, TestContext.Current.CancellationToken);
        return await ReadAsync(response, HttpStatusCode.Created);
    }

    /// <summary>Trains the small model once per server into {models}/acme/pump-3.</summary>
    private async Task EnsureModelAsync()
    {
        var catalog = (ProcessModelCatalog)fixture.Services.GetService(typeof(ProcessModelCatalog))!;
        var folder = catalog.FolderOf(ApiTestServer.Tenant, ApiTestServer.Asset);
        await ModelWritten.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(folder, ProcessModelPackage.MetadataFileName)))
            {
                return;
            }

            var random = new Random(11);
            var rows = new List<string[]>();
            for (var lot = 0; lot < 60; lot++)
            {
                var moisture = random.NextDouble();
                for (var i = 0; i < 5; i++)
                {
                    var speed = random.NextDouble() * 6;
                    var force = 2 + (random.NextDouble() * 6);
                    var quality = 50 - (2 * (speed - 3) * (speed - 3)) - (1.5 * (force - 5) * (force - 5)) + (2 * moisture) + (0.2 * (random.NextDouble() - 0.5));
                    rows.Add([lot.ToString(CultureInfo.InvariantCulture), Text(speed), Text(force), Text(moisture), Text(quality)]);
                }
            }

            var table = new ProcessTable("synthetic", ["lot", "speed", "force", "moisture", "quality"], rows);
            var spec = new ProcessModelSpec("quality", ProcessObjective.Maximize, ["speed", "force"], ["moisture"], ["lot"], null, 5, 3);
            var model = ProcessModelTrainer.Train(ProcessDataset.From(table, spec), new ProcessTrainerSettings(Trees: 100, Leaves: 8, MinimumRowsPerLeaf: 5, LearningRate: 0.1), TestContext.Current.CancellationToken);
            await ProcessModelPackage.SaveAsync(model, folder, TestContext.Current.CancellationToken);
        }
        finally
        {
            ModelWritten.Release();
        }
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
