using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Retrosense.Platform.Retention;

namespace Retrosense.Server.Retention;

/// <summary>
/// Applies <see cref="ServerOptions.Retention"/> at start and then every <see cref="Interval"/>, logging what it deleted.
/// Never fails the host: an error is logged and the next run tries again; an invalid policy is logged once and skipped.
/// </summary>
public sealed class RetentionService : BackgroundService
{
    /// <summary>Hourly: the shortest retention is a day, so an hour late is under 5 % of it.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private readonly IRetentionStore _store;
    private readonly RetentionPolicy _policy;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<RetentionService> _logger;

    public RetentionService(IRetentionStore store, ServerOptions options, TimeProvider timeProvider, ILogger<RetentionService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _policy = options.Retention;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>One retention run at the provider's current time; returns what was deleted (null when it failed, logged).</summary>
    public async Task<RetentionResult?> ApplyOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await _store.ApplyAsync(_policy, _timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            var perTable = string.Join(", ", result.DeletedRowsByTable.Where(entry => entry.Value > 0).OrderBy(entry => entry.Key, StringComparer.Ordinal)
                .Select(entry => string.Create(CultureInfo.InvariantCulture, $"{entry.Key}={entry.Value}")));
            RetentionLog.Applied(_logger, result.TotalDeletedRows, perTable.Length == 0 ? "nothing old enough" : perTable);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Retention is housekeeping: a failure (locked database, disk) must not stop ingestion.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            RetentionLog.Failed(_logger, exception, Interval.TotalMinutes);
            return null;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            _policy.Validate();
        }
        catch (ArgumentOutOfRangeException exception)
        {
            RetentionLog.InvalidPolicy(_logger, exception.Message);
            return;
        }

        try
        {
            // Let the host finish starting (broker, demo seeding) before the first, possibly long, delete run.
            await Task.Yield();
            while (!stoppingToken.IsCancellationRequested)
            {
                await ApplyOnceAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(Interval, _timeProvider, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
