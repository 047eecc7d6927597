using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Retrosense.Contracts;
using Retrosense.Platform.Registry;

namespace Retrosense.Platform.Ingestion;

/// <summary>
/// Takes node messages from any transport (embedded broker, external broker, tests) to the reporting store with
/// at-least-once semantics: <see cref="SubmitAsync"/> completes only once the message is durably stored, found already
/// stored, or quarantined, so a broker acknowledges a message only after that. Checks, in order: the sender may publish
/// on the topic (its own tenant and node), the decoder accepts it, the registry knows the node on that site and asset.
/// <para>
/// Group commit: accepted messages go into one bounded queue; a single writer loop takes whatever is queued (up to
/// <see cref="IngestionPipelineOptions.MaxBatchSize"/>) and writes it in one <see cref="IIngestionStore.WriteBatchAsync"/>
/// transaction, then completes every caller of that batch. There is no timer: while one batch commits the next one
/// gathers, so a lone message is written at once and a burst shares transactions. Quarantine writes go through the
/// same loop, so the store has one writer. A failed commit faults the waiting callers (never reports success).
/// </para>
/// </summary>
public sealed partial class IngestionPipeline : IAsyncDisposable
{
    /// <summary>Quarantine code for a well-formed message whose topic names a node not provisioned (or revoked) on that site and asset.</summary>
    public const string NotProvisionedRejectCode = "not_provisioned";

    /// <summary>Code of an <see cref="IngestionPipelineOutcomeKind.Unauthorized"/> outcome: the sender published on another node's topic.</summary>
    public const string NotAuthorizedRejectCode = "not_authorized";

    private readonly IIngestionStore _store;
    private readonly IRegistryStore _registry;
    private readonly IIngestedMessageObserver[] _observers;
    private readonly IngestionStatistics _statistics;
    private readonly ILogger _logger;
    private readonly IngestionPipelineOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly NodeMessageDecoder _decoder;
    private readonly Channel<PendingWrite> _queue;
    private readonly Channel<IReadOnlyList<DecodedNodeMessage>> _committed;
    private readonly ConcurrentDictionary<string, long> _authorizedUntilTimestamp = new(StringComparer.Ordinal);
    private readonly Task _writerLoop;
    private readonly Task _observerLoop;
    private int _stopped;

    public IngestionPipeline(
        IIngestionStore store,
        IRegistryStore registry,
        IEnumerable<IIngestedMessageObserver> observers,
        IngestionStatistics statistics,
        ILogger<IngestionPipeline> logger,
        IngestionPipelineOptions? options = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(observers);
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _registry = registry;
        _observers = observers.ToArray();
        _statistics = statistics;
        _logger = logger;
        _options = options ?? new IngestionPipelineOptions();
        if (_options.MaxBatchSize < 1 || _options.QueueCapacity < 1 || _options.ObserverQueueCapacity < 1)
        {
            throw new ArgumentException("batch size and queue capacities must be at least 1", nameof(options));
        }

        _timeProvider = timeProvider ?? TimeProvider.System;
        _decoder = new NodeMessageDecoder(_timeProvider);
        _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _committed = Channel.CreateBounded<IReadOnlyList<DecodedNodeMessage>>(new BoundedChannelOptions(_options.ObserverQueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writerLoop = Task.Run(RunWriterLoopAsync);
        _observerLoop = Task.Run(RunObserverLoopAsync);
    }

    /// <summary>The counters this pipeline keeps.</summary>
    public IngestionStatistics Statistics => _statistics;

    /// <summary>
    /// Checks, decodes and durably keeps one message; completes after the commit. Never throws for bad input (it is
    /// quarantined or refused); throws <see cref="OperationCanceledException"/> when cancelled (the message may still be
    /// committed: a redelivery is then a duplicate), <see cref="InvalidOperationException"/> once the pipeline is stopped,
    /// and the store's exception when the commit failed (nothing may be acknowledged then).
    /// </summary>
    /// <param name="sender">The authenticated sender; null trusts the topic (an external broker enforces its own ACL).</param>
    /// <param name="receivedAtUtc">When the transport received it (quarantine time and commit-lag statistics).</param>
    public async Task<IngestionPipelineOutcome> SubmitAsync(
        string topic,
        ReadOnlyMemory<byte> payload,
        IngestionPipelineSender? sender,
        DateTimeOffset receivedAtUtc,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Volatile.Read(ref _stopped) != 0)
        {
            throw new InvalidOperationException("the ingestion pipeline is stopped");
        }

        _statistics.AddReceived();
        topic ??= string.Empty;
        PendingWrite pending;
        try
        {
            var refusal = CheckSender(topic, sender);
            if (refusal is not null)
            {
                _statistics.AddUnauthorized();
                LogUnauthorized(_logger, sender?.ToString() ?? "(none)", NodeMessageDecoder.Printable(topic), refusal.Message);
                return new IngestionPipelineOutcome(IngestionPipelineOutcomeKind.Unauthorized, refusal);
            }

            if (!_decoder.TryDecode(topic, payload.Span, out var message, out var reason))
            {
                pending = PendingWrite.ForQuarantine(topic, payload, reason, receivedAtUtc);
            }
            else if (!await IsProvisionedAsync(message.Topic, cancellationToken).ConfigureAwait(false))
            {
                var notProvisioned = new RejectReason(
                    NotProvisionedRejectCode,
                    "node '" + message.Topic.Node + "' of tenant '" + message.Topic.Tenant + "' is not provisioned on site '" + message.Topic.Site +
                    "', asset '" + message.Topic.Asset + "' (never provisioned, revoked, or installed elsewhere)");
                pending = PendingWrite.ForQuarantine(topic, payload, notProvisioned, receivedAtUtc);
            }
            else
            {
                pending = PendingWrite.ForStore(message, receivedAtUtc);
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The decoder never throws; this is the registry lookup failing. Not the message's fault, so nothing is
            // acknowledged: the caller sees the failure and the transport redelivers.
            LogCheckFailed(_logger, exception, NodeMessageDecoder.Printable(topic));
            throw;
        }

        _statistics.AddPending(1);
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException exception)
        {
            _statistics.AddPending(-1);
            throw new InvalidOperationException("the ingestion pipeline is stopped", exception);
        }
        catch (OperationCanceledException)
        {
            _statistics.AddPending(-1);
            throw;
        }

        return await pending.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops taking messages, commits everything already queued, lets the observers finish, then returns.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            _queue.Writer.TryComplete();
        }

        await _writerLoop.WaitAsync(cancellationToken).ConfigureAwait(false);
        await _observerLoop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>At most 80 characters of untrusted text (a topic, a user name) with control characters replaced, for logs.</summary>
    public static string Printable(string? text) => NodeMessageDecoder.Printable(text);

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private static RejectReason? CheckSender(string topic, IngestionPipelineSender? sender)
    {
        if (sender is null || !TopicPath.TryParse(topic, out var path, out _) || path is null)
        {
            // A topic that does not parse is the decoder's to reject (bad_topic, quarantined with the sender's topic).
            return null;
        }

        if (string.Equals(path.Tenant, sender.TenantId, StringComparison.Ordinal) && string.Equals(path.Node, sender.NodeId, StringComparison.Ordinal))
        {
            return null;
        }

        return new RejectReason(
            NotAuthorizedRejectCode,
            "'" + sender + "' may publish only under " + TopicPath.Prefix + sender.TenantId + "/{site}/{asset}/" + sender.NodeId + "/, not on tenant '" +
            path.Tenant + "', node '" + path.Node + "'");
    }

    private async Task<bool> IsProvisionedAsync(TopicPath path, CancellationToken cancellationToken)
    {
        var key = path.Tenant + "/" + path.Site + "/" + path.Asset + "/" + path.Node;
        var now = _timeProvider.GetTimestamp();
        if (_authorizedUntilTimestamp.TryGetValue(key, out var until) && now < until)
        {
            return true;
        }

        var authorized = await _registry.IsNodeAuthorizedAsync(path.Tenant, path.Site, path.Asset, path.Node, cancellationToken).ConfigureAwait(false);
        if (authorized)
        {
            if (_authorizedUntilTimestamp.Count > 100_000)
            {
                // Far more nodes than any fleet here: drop the cache rather than let it grow without bound.
                _authorizedUntilTimestamp.Clear();
            }

            var ticks = (long)(_options.AuthorizationCacheDuration.TotalSeconds * _timeProvider.TimestampFrequency);
            _authorizedUntilTimestamp[key] = now + ticks;
        }
        else
        {
            _authorizedUntilTimestamp.TryRemove(key, out _);
        }

        return authorized;
    }

    private async Task RunWriterLoopAsync()
    {
        var batch = new List<PendingWrite>(_options.MaxBatchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                batch.Clear();
                while (batch.Count < _options.MaxBatchSize && _queue.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                if (batch.Count > 0)
                {
                    await WriteBatchAsync(batch).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _committed.Writer.TryComplete();
        }
    }

    private async Task WriteBatchAsync(List<PendingWrite> batch)
    {
        var messages = new List<DecodedNodeMessage>(batch.Count);
        var oldestReceivedAt = DateTimeOffset.MaxValue;
        foreach (var pending in batch)
        {
            if (pending.Message is not null)
            {
                messages.Add(pending.Message);
                if (pending.ReceivedAtUtc < oldestReceivedAt)
                {
                    oldestReceivedAt = pending.ReceivedAtUtc;
                }
            }
        }

        if (messages.Count > 0)
        {
            await CommitMessagesAsync(batch, messages, oldestReceivedAt).ConfigureAwait(false);
        }

        foreach (var pending in batch)
        {
            if (pending.Reason is not null)
            {
                await QuarantineAsync(pending).ConfigureAwait(false);
            }
        }
    }

    private async Task CommitMessagesAsync(List<PendingWrite> batch, List<DecodedNodeMessage> messages, DateTimeOffset oldestReceivedAt)
    {
        IngestionBatchResult result;
        try
        {
            result = await _store.WriteBatchAsync(messages, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogCommitFailed(_logger, exception, messages.Count);
            _statistics.AddPending(-messages.Count);
            foreach (var pending in batch)
            {
                if (pending.Message is not null)
                {
                    pending.Completion.TrySetException(exception);
                }
            }

            return;
        }

        _statistics.AddStored(result.StoredCount);
        _statistics.AddDuplicates(result.DuplicateCount);
        _statistics.AddBatchCommitted();
        _statistics.AddPending(-messages.Count);
        var lag = _timeProvider.GetUtcNow() - oldestReceivedAt;
        _statistics.SetLastCommitLag((long)Math.Max(0, lag.TotalMilliseconds));

        // The store names the newly stored messages; a message left out was already there. A store that does not fill
        // StoredMessages (count disagrees) cannot tell them apart, so every message is reported as stored.
        var knowsWhichWereNew = result.StoredMessages.Count == result.StoredCount;
        var newlyStored = knowsWhichWereNew ? new HashSet<DecodedNodeMessage>(result.StoredMessages, ReferenceEqualityComparer.Instance) : null;
        foreach (var pending in batch)
        {
            if (pending.Message is not null)
            {
                var isNew = newlyStored is null || newlyStored.Contains(pending.Message);
                pending.Completion.TrySetResult(isNew ? IngestionPipelineOutcome.Stored : IngestionPipelineOutcome.Duplicate);
            }
        }

        if (_observers.Length > 0 && result.StoredMessages.Count > 0)
        {
            await _committed.Writer.WriteAsync(result.StoredMessages).ConfigureAwait(false);
        }
    }

    private async Task QuarantineAsync(PendingWrite pending)
    {
        try
        {
            await _store.QuarantineAsync(pending.Topic!, pending.Payload, pending.Reason!, pending.ReceivedAtUtc, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogQuarantineFailed(_logger, exception, NodeMessageDecoder.Printable(pending.Topic));
            _statistics.AddPending(-1);
            pending.Completion.TrySetException(exception);
            return;
        }

        _statistics.AddQuarantined();
        _statistics.AddPending(-1);
        LogQuarantined(_logger, NodeMessageDecoder.Printable(pending.Topic), pending.Reason!.Code, pending.Reason.Message);
        pending.Completion.TrySetResult(new IngestionPipelineOutcome(IngestionPipelineOutcomeKind.Quarantined, pending.Reason));
    }

    private async Task RunObserverLoopAsync()
    {
        await foreach (var messages in _committed.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            foreach (var observer in _observers)
            {
                try
                {
                    await observer.OnCommittedAsync(messages, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    LogObserverFailed(_logger, exception, observer.GetType().Name, messages.Count);
                }
            }
        }
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Refused a publish from {Sender} on topic {Topic}: {Reason}")]
    private static partial void LogUnauthorized(ILogger logger, string sender, string topic, string reason);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Quarantined a message on topic {Topic}: {ReasonCode}: {ReasonMessage}")]
    private static partial void LogQuarantined(ILogger logger, string topic, string reasonCode, string reasonMessage);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Commit of a batch of {MessageCount} messages failed; their publishers are not acknowledged and will redeliver")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, int messageCount);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Quarantine write for topic {Topic} failed; the publisher is not acknowledged and will redeliver")]
    private static partial void LogQuarantineFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Error, Message = "Ingested-message observer {Observer} failed on {MessageCount} messages; ingestion continues")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, string observer, int messageCount);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Error, Message = "Checking a message on topic {Topic} failed (registry unavailable?); it is not acknowledged")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string topic);
}
