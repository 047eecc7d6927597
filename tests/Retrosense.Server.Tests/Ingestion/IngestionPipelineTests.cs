using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Retrosense.Platform.Ingestion;
using Retrosense.Storage;

namespace Retrosense.Server.Tests.Ingestion;

/// <summary>The ingestion pipeline on a real SQLite reporting store: outcomes, group commit, observers, draining.</summary>
public sealed class IngestionPipelineTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("retrosense-pipeline-").FullName;
    private ReportingStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _store = await ReportingStoreFactory.OpenAsync(ReportingStoreOptions.ForSqlite(Path.Combine(_directory, "retrosense.db")));
        await ServerTestFleet.ProvisionAsync(_store.Registry, "n-001", "n-002");
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_valid_message_is_stored_and_its_redelivery_is_a_duplicate()
    {
        await using var pipeline = CreatePipeline(out var statistics);
        var sender = new IngestionPipelineSender(ServerTestFleet.Tenant, "n-001");
        var payload = ServerTestFleet.StatusPayload("n-001", 1, 1);

        var first = await pipeline.SubmitAsync(ServerTestFleet.StatusTopic("n-001"), payload, sender, DateTimeOffset.UtcNow);
        var again = await pipeline.SubmitAsync(ServerTestFleet.StatusTopic("n-001"), payload, sender, DateTimeOffset.UtcNow);

        Assert.Equal(IngestionPipelineOutcomeKind.Stored, first.Kind);
        Assert.Equal(IngestionPipelineOutcomeKind.Duplicate, again.Kind);
        var totals = statistics.Snapshot();
        Assert.Equal(2, totals.MessagesReceived);
        Assert.Equal(1, totals.MessagesStored);
        Assert.Equal(1, totals.Duplicates);
        Assert.Equal(0, totals.PendingMessages);
    }

    [Fact]
    public async Task A_malformed_payload_is_quarantined_with_its_reason()
    {
        await using var pipeline = CreatePipeline(out var statistics);
        var sender = new IngestionPipelineSender(ServerTestFleet.Tenant, "n-001");

        var outcome = await pipeline.SubmitAsync(ServerTestFleet.StatusTopic("n-001"), Encoding.UTF8.GetBytes("{\"schema\":1,"), sender, DateTimeOffset.UtcNow);

        Assert.Equal(IngestionPipelineOutcomeKind.Quarantined, outcome.Kind);
        Assert.Equal(RejectCode.MalformedJson, outcome.Reason?.Code);
        var kept = Assert.Single(await _store.Ingestion.ListQuarantineAsync(ServerTestFleet.Tenant, 10));
        Assert.Equal(RejectCode.MalformedJson, kept.ReasonCode);
        Assert.Equal(1, statistics.Snapshot().Quarantined);
    }

    [Fact]
    public async Task A_message_on_another_nodes_topic_is_refused_and_not_stored()
    {
        await using var pipeline = CreatePipeline(out var statistics);
        var sender = new IngestionPipelineSender(ServerTestFleet.Tenant, "n-001");

        var outcome = await pipeline.SubmitAsync(ServerTestFleet.StatusTopic("n-002"), ServerTestFleet.StatusPayload("n-002", 1, 1), sender, DateTimeOffset.UtcNow);

        Assert.Equal(IngestionPipelineOutcomeKind.Unauthorized, outcome.Kind);
        Assert.Equal(IngestionPipeline.NotAuthorizedRejectCode, outcome.Reason?.Code);
        Assert.Equal(1, statistics.Snapshot().Unauthorized);
        Assert.Equal(0, statistics.Snapshot().MessagesStored);
        Assert.Equal(0, await _store.Ingestion.CountQuarantineAsync(null));
    }

    [Fact]
    public async Task A_valid_message_from_a_node_not_provisioned_there_is_quarantined()
    {
        await using var pipeline = CreatePipeline(out _);
        var topic = Retrosense.Contracts.TopicPath.Build(ServerTestFleet.Tenant, ServerTestFleet.Site, "other-asset", "n-001", "status");

        var outcome = await pipeline.SubmitAsync(topic, ServerTestFleet.StatusPayload("n-001", 1, 1), null, DateTimeOffset.UtcNow);

        Assert.Equal(IngestionPipelineOutcomeKind.Quarantined, outcome.Kind);
        Assert.Equal(IngestionPipeline.NotProvisionedRejectCode, outcome.Reason?.Code);
    }

    [Fact]
    public async Task Concurrent_messages_share_transactions_and_each_is_stored_once()
    {
        await using var pipeline = CreatePipeline(out var statistics);
        const int MessagesPerNode = 300;
        var submissions = new List<Task<IngestionPipelineOutcome>>();
        foreach (var node in new[] { "n-001", "n-002" })
        {
            var sender = new IngestionPipelineSender(ServerTestFleet.Tenant, node);
            for (var seq = 0; seq < MessagesPerNode; seq++)
            {
                submissions.Add(pipeline.SubmitAsync(ServerTestFleet.StatusTopic(node), ServerTestFleet.StatusPayload(node, 1, seq), sender, DateTimeOffset.UtcNow));
            }
        }

        var outcomes = await Task.WhenAll(submissions);

        Assert.All(outcomes, outcome => Assert.Equal(IngestionPipelineOutcomeKind.Stored, outcome.Kind));
        var totals = statistics.Snapshot();
        Assert.Equal(2 * MessagesPerNode, totals.MessagesStored);
        Assert.True(totals.BatchesCommitted < 2 * MessagesPerNode, "group commit wrote " + totals.BatchesCommitted + " batches for " + (2 * MessagesPerNode) + " messages");
    }

    [Fact]
    public async Task Observers_see_each_committed_message_once_and_a_failing_observer_does_not_stop_ingestion()
    {
        var seen = new ConcurrentBag<DecodedNodeMessage>();
        var observers = new IIngestedMessageObserver[] { new FailingObserver(), new RecordingObserver(seen) };
        var pipeline = CreatePipeline(out _, observers);
        var sender = new IngestionPipelineSender(ServerTestFleet.Tenant, "n-001");
        for (var seq = 0; seq < 5; seq++)
        {
            var outcome = await pipeline.SubmitAsync(ServerTestFleet.StatusTopic("n-001"), ServerTestFleet.StatusPayload("n-001", 2, seq), sender, DateTimeOffset.UtcNow);
            Assert.Equal(IngestionPipelineOutcomeKind.Stored, outcome.Kind);
        }

        await pipeline.SubmitAsync(ServerTestFleet.StatusTopic("n-001"), ServerTestFleet.StatusPayload("n-001", 2, 0), sender, DateTimeOffset.UtcNow);
        await pipeline.StopAsync();

        Assert.Equal(Enumerable.Range(0, 5).Select(seq => (long)seq), seen.Select(message => message.Message.Seq).Order());
    }

    [Fact]
    public async Task Stopping_commits_everything_already_submitted_and_refuses_more()
    {
        var pipeline = CreatePipeline(out var statistics);
        var sender = new IngestionPipelineSender(ServerTestFleet.Tenant, "n-002");
        var submissions = Enumerable.Range(0, 200)
            .Select(seq => pipeline.SubmitAsync(ServerTestFleet.StatusTopic("n-002"), ServerTestFleet.StatusPayload("n-002", 5, seq), sender, DateTimeOffset.UtcNow))
            .ToArray();

        await pipeline.StopAsync();

        Assert.All(await Task.WhenAll(submissions), outcome => Assert.True(outcome.IsDurable));
        Assert.Equal(200, statistics.Snapshot().MessagesStored);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            pipeline.SubmitAsync(ServerTestFleet.StatusTopic("n-002"), ServerTestFleet.StatusPayload("n-002", 5, 999), sender, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task A_failed_commit_faults_the_waiting_submitters_instead_of_reporting_success()
    {
        // A second store on the same file with a short busy timeout, while another connection holds SQLite's write lock:
        // the batch transaction really fails (SQLITE_BUSY), and registry reads still work (WAL readers are not blocked).
        var path = Path.Combine(_directory, "retrosense.db");
        await using var impatientStore = await ReportingStoreFactory.OpenAsync(ReportingStoreOptions.ForSqlite(path) with { BusyTimeout = TimeSpan.FromMilliseconds(200) });
        var statistics = new IngestionStatistics();
        var pipeline = new IngestionPipeline(impatientStore.Ingestion, impatientStore.Registry, [], statistics, NullLogger<IngestionPipeline>.Instance);
        var sender = new IngestionPipelineSender(ServerTestFleet.Tenant, "n-001");
        await using (var writer = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + path))
        {
            await writer.OpenAsync();
            await using var lockCommand = writer.CreateCommand();
            lockCommand.CommandText = "BEGIN IMMEDIATE";
            await lockCommand.ExecuteNonQueryAsync();

            var failed = await Record.ExceptionAsync(() =>
                pipeline.SubmitAsync(ServerTestFleet.StatusTopic("n-001"), ServerTestFleet.StatusPayload("n-001", 9, 1), sender, DateTimeOffset.UtcNow));

            Assert.NotNull(failed);
            Assert.IsNotType<OperationCanceledException>(failed);
            Assert.Equal(0, statistics.Snapshot().MessagesStored);
            lockCommand.CommandText = "ROLLBACK";
            await lockCommand.ExecuteNonQueryAsync();
        }

        // The same message resent after the failure is stored: nothing was half-written.
        var retried = await pipeline.SubmitAsync(ServerTestFleet.StatusTopic("n-001"), ServerTestFleet.StatusPayload("n-001", 9, 1), sender, DateTimeOffset.UtcNow);
        Assert.Equal(IngestionPipelineOutcomeKind.Stored, retried.Kind);
        await pipeline.StopAsync();
    }

    private IngestionPipeline CreatePipeline(out IngestionStatistics statistics, IEnumerable<IIngestedMessageObserver>? observers = null)
    {
        statistics = new IngestionStatistics();
        return new IngestionPipeline(_store.Ingestion, _store.Registry, observers ?? [], statistics, NullLogger<IngestionPipeline>.Instance);
    }

    private sealed class RecordingObserver(ConcurrentBag<DecodedNodeMessage> seen) : IIngestedMessageObserver
    {
        public Task OnCommittedAsync(IReadOnlyList<DecodedNodeMessage> newlyStoredMessages, CancellationToken cancellationToken)
        {
            foreach (var message in newlyStoredMessages)
            {
                seen.Add(message);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class FailingObserver : IIngestedMessageObserver
    {
        public Task OnCommittedAsync(IReadOnlyList<DecodedNodeMessage> newlyStoredMessages, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("observer failure (test)");
    }
}
