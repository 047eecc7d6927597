using System;
using System.Threading.Tasks;
using Retrosense.Platform.Recommendations;
using Retrosense.Storage.Tests.Backends;

namespace Retrosense.Storage.Tests.Recommendations;

/// <summary>Recommendations and their decisions through <see cref="IRecommendationStore"/>; run against every adapter.</summary>
public abstract class RecommendationStoreTests : StoreTestBase
{
    protected RecommendationStoreTests(StoreBackend backend)
        : base(backend)
    {
    }

    private IRecommendationStore Recommendations => Store.Recommendations;

    private static NewRecommendation Proposal(string asset, DateTimeOffset at) =>
        new("acme", asset, null, "20261127T180000Z", at, "{\"speed\":3.1}", "{\"status\":\"recommended\"}", "schedule");

    [Fact]
    public async Task A_recommendation_is_stored_listed_and_its_creation_logged()
    {
        var stored = await Recommendations.AddAsync(Proposal("press-1", Start));

        Assert.Equal(RecommendationStatuses.Proposed, stored.Status);
        Assert.Equal(Start, stored.AtUtc);
        Assert.Equal("{\"speed\":3.1}", stored.SetpointsJson);
        Assert.Equal(stored, await Recommendations.GetAsync("acme", stored.RecommendationId));
        Assert.Null(await Recommendations.GetAsync("globex", stored.RecommendationId));
        Assert.Equal([stored], await Recommendations.ListAsync("acme", "press-1", RecommendationStatuses.Proposed, 10));
        Assert.Equal(1, await CountAsync("usage_events", "event_type = 'recommendation_created' AND actor = 'schedule'"));
    }

    [Fact]
    public async Task Accepting_changes_the_status_once_and_records_who_and_why_in_the_usage_log()
    {
        var stored = await Recommendations.AddAsync(Proposal("press-1", Start));
        var other = await Recommendations.AddAsync(Proposal("press-1", Start.AddMinutes(1)));

        var accepted = await Recommendations.DecideAsync("acme", stored.RecommendationId, accept: true, "kim", "trial");
        var rejected = await Recommendations.DecideAsync("acme", other.RecommendationId, accept: false, "lee", null);

        Assert.Equal(RecommendationStatuses.Accepted, accepted!.Status);
        Assert.Equal(RecommendationStatuses.Rejected, rejected!.Status);
        var decision = Assert.Single(await Recommendations.ListDecisionsAsync("acme", stored.RecommendationId));
        Assert.Equal(new RecommendationDecision(stored.RecommendationId, "accepted", "kim", "trial", Start), decision);
        Assert.Equal("lee", Assert.Single(await Recommendations.ListDecisionsAsync("acme", other.RecommendationId)).By);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Recommendations.DecideAsync("acme", stored.RecommendationId, accept: false, "lee", null));
        Assert.Null(await Recommendations.DecideAsync("globex", stored.RecommendationId, accept: true, "intruder", null));
        Assert.Equal(2, await CountAsync("usage_events", "event_type IN ('recommendation_accepted', 'recommendation_rejected')"));
    }
}
