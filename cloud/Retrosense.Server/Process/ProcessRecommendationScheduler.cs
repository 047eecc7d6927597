using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Retrosense.Analytics.Process;

namespace Retrosense.Server.ProcessOptimization;

/// <summary>
/// Every <see cref="ProcessRecommendationOptions.IntervalMinutes"/>, a recommendation for each asset with a process
/// model, from its latest readings. An asset whose readings lack a condition is skipped with a log line, not a failure.
/// </summary>
public sealed partial class ProcessRecommendationScheduler : BackgroundService
{
    public const string Trigger = "schedule";

    private readonly ProcessModelCatalog _catalog;
    private readonly ProcessRecommendationService _service;
    private readonly ProcessRecommendationOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ProcessRecommendationScheduler> _logger;

    public ProcessRecommendationScheduler(ProcessModelCatalog catalog, ProcessRecommendationService service, ProcessRecommendationOptions options, TimeProvider timeProvider, ILogger<ProcessRecommendationScheduler> logger)
    {
        _catalog = catalog;
        _service = service;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.IntervalMinutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.Interval, _timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await RunOnceAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>One pass over every model; returns how many recommendations were stored.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var stored = 0;
        foreach (var (tenantId, assetId) in _catalog.List())
        {
            try
            {
                var result = await _service.RecommendAsync(tenantId, assetId, new ProcessRecommendationRequest(new System.Collections.Generic.Dictionary<string, double>()), Trigger, cancellationToken).ConfigureAwait(false);
                stored += result is null ? 0 : 1;
            }
            catch (ProcessInputException exception)
            {
                LogSkipped(tenantId, assetId, exception.Message);
            }
        }

        return stored;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "process recommendation for {TenantId}/{AssetId} skipped: {Reason}")]
    private partial void LogSkipped(string tenantId, string assetId, string reason);
}
