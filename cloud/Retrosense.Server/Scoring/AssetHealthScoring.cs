using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Retrosense.Analytics.Anomaly;
using Retrosense.Analytics.Rul.Trend;
using Retrosense.Node.Thresholds;
using Retrosense.Platform.Alarms;
using Retrosense.Platform.Models;
using Retrosense.Platform.Predictions;
using Retrosense.Platform.Registry;

namespace Retrosense.Server.Scoring;

/// <summary>
/// Scores assets' windows with their anomaly baselines: keeps one <see cref="AssetHealthTracker"/> per asset (loaded from
/// the registry's promoted <c>anomaly-baseline</c> on first sight, reloaded when the registry changes), stores a
/// prediction per window, registers and promotes each refitted baseline, and raises, escalates and clears the asset's
/// cloud <c>anomaly</c> alarm by <see cref="AnomalyAlarmRule"/>. Called by one loop at a time (not thread-safe).
/// </summary>
public sealed class AssetHealthScoring
{
    /// <summary>Registry name of the per-asset anomaly baselines.</summary>
    public const string BaselineModelName = "anomaly-baseline";

    /// <summary>Alarm condition key of the cloud anomaly alarm (asset level: no node).</summary>
    public const string AlarmCondition = "anomaly";

    /// <summary>Model version stored with predictions made before a baseline exists.</summary>
    public const string LearningVersion = "learning";

    /// <summary>Model name of the trend-extrapolation RUL (no registry entry: a fit over the asset's own recent windows).</summary>
    public const string RulModelName = "trend-rul";

    private const string Actor = "scoring";

    /// <summary>
    /// The RUL trend fits the last week of windows (the estimator's default window), at most 500 of them so a chatty
    /// node costs a bounded fit per window.
    /// </summary>
    private static readonly TrendRulOptions RulOptions = new() { MaximumPoints = 500 };

    private readonly IModelRegistryStore _models;
    private readonly IPredictionStore _predictions;
    private readonly IAlarmStore _alarms;
    private readonly IRegistryStore? _registry;
    private readonly LiveScoringOptions _options;
    private readonly ScoringStatistics _statistics;
    private readonly ILogger _logger;
    private readonly Dictionary<ScoredAsset, TrackedAsset> _trackers = [];
    private long _registryGeneration;

    public AssetHealthScoring(IModelRegistryStore models, IPredictionStore predictions, IAlarmStore alarms, LiveScoringOptions options, ScoringStatistics statistics, ILogger<AssetHealthScoring> logger, IRegistryStore? registry = null)
    {
        _registry = registry;
        _models = models ?? throw new ArgumentNullException(nameof(models));
        _predictions = predictions ?? throw new ArgumentNullException(nameof(predictions));
        _alarms = alarms ?? throw new ArgumentNullException(nameof(alarms));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _statistics = statistics ?? throw new ArgumentNullException(nameof(statistics));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        options.Validate();
    }

    /// <summary>Tells scoring that promotions changed (the API promoted or rolled back): trackers re-read their baseline before the next window.</summary>
    public void RegistryChanged() => Interlocked.Increment(ref _registryGeneration);

    /// <summary>Scores each asset's windows in message-time order and stores the predictions of all of them in one transaction.</summary>
    public async Task<int> ScoreAsync(IReadOnlyList<(ScoredAsset Asset, IReadOnlyList<ScoringWindow> Windows)> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var predictions = new List<Prediction>();
        var scored = 0;
        foreach (var (asset, windows) in work)
        {
            var tracked = await GetTrackerAsync(asset, cancellationToken).ConfigureAwait(false);
            foreach (var window in windows.OrderBy(item => item.Telemetry.TimestampUnixMilliseconds))
            {
                var featureWindow = FeatureWindow.FromTelemetry(window.NodeId, window.Telemetry);
                var assessment = tracked.Tracker.Assess(featureWindow);

                // The version that scored this window, before a baseline fitted at it is registered.
                var scoredWith = tracked.ModelVersion;
                if (assessment.NewBaseline is { } baseline)
                {
                    await RegisterBaselineAsync(asset, tracked, baseline, "fitted from live telemetry", cancellationToken).ConfigureAwait(false);
                }

                predictions.Add(new Prediction(
                    asset.TenantId,
                    asset.SiteId,
                    asset.AssetId,
                    window.NodeId,
                    BaselineModelName,
                    scoredWith,
                    PredictionKind.Anomaly,
                    featureWindow.TimestampUtc,
                    Math.Round(assessment.HealthScore, 2),
                    assessment.Label,
                    JsonSerializer.Serialize(assessment.Details, AnomalyJsonContext.Default.AnomalyPredictionDetails)));
                await ApplyAlarmAsync(asset, featureWindow, assessment, cancellationToken).ConfigureAwait(false);
                if (!assessment.IsLate && EstimateRul(asset, tracked, window, featureWindow) is { } rul)
                {
                    predictions.Add(rul);
                }

                scored++;
            }
        }

        await _predictions.WriteAsync(predictions, cancellationToken).ConfigureAwait(false);
        _statistics.Scored(scored);
        _statistics.Stored(predictions.Count);
        return predictions.Count;
    }

    /// <summary>Registers <paramref name="baseline"/> as the asset's next baseline version and promotes it.</summary>
    public async Task<RegisteredModel> RegisterBaselineAsync(ScoredAsset asset, AnomalyBaseline baseline, string how, CancellationToken cancellationToken)
    {
        var tracked = await GetTrackerAsync(asset, cancellationToken).ConfigureAwait(false);
        tracked.Tracker.UseBaseline(baseline);
        return await RegisterBaselineAsync(asset, tracked, baseline, how, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RegisteredModel> RegisterBaselineAsync(ScoredAsset asset, TrackedAsset tracked, AnomalyBaseline baseline, string how, CancellationToken cancellationToken)
    {
        var metrics = string.Create(CultureInfo.InvariantCulture, $"{{\"windows\":{baseline.Windows}}}");
        var registered = await _models.RegisterAsync(
            new ModelRegistration(
                ModelScope.Asset(asset.TenantId, asset.SiteId, asset.AssetId),
                BaselineModelName,
                ModelKinds.AnomalyBaseline,
                baseline.LastWindowUtc,
                metrics,
                baseline.MetadataJson("robust median/MAD of log node features; " + how),
                baseline.ToPackage(),
                null,
                Actor),
            cancellationToken).ConfigureAwait(false);
        var promoted = await _models.PromoteAsync(asset.TenantId, registered.ModelId, Actor, cancellationToken).ConfigureAwait(false);
        tracked.ModelId = promoted.ModelId;
        tracked.ModelVersion = promoted.Version.ToString(CultureInfo.InvariantCulture);
        _statistics.BaselineFitted();
        ScoringLog.BaselinePromoted(_logger, asset.ToString(), promoted.Version, promoted.ModelId, baseline.Windows, how);
        return promoted;
    }

    private async Task<TrackedAsset> GetTrackerAsync(ScoredAsset asset, CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _registryGeneration);
        if (_trackers.TryGetValue(asset, out var tracked))
        {
            if (tracked.RegistryGeneration != generation)
            {
                tracked.RegistryGeneration = generation;
                var promoted = await _models.FindPromotedAsync(asset.TenantId, asset.SiteId, asset.AssetId, BaselineModelName, cancellationToken).ConfigureAwait(false);
                if (promoted?.ModelId != tracked.ModelId)
                {
                    var (baseline, model) = await LoadBaselineAsync(asset, promoted, cancellationToken).ConfigureAwait(false);
                    tracked.Tracker.UseBaseline(baseline);
                    tracked.ModelId = model?.ModelId;
                    tracked.ModelVersion = model?.Version.ToString(CultureInfo.InvariantCulture) ?? LearningVersion;
                }
            }

            return tracked;
        }

        var found = await _models.FindPromotedAsync(asset.TenantId, asset.SiteId, asset.AssetId, BaselineModelName, cancellationToken).ConfigureAwait(false);
        var (loaded, loadedModel) = await LoadBaselineAsync(asset, found, cancellationToken).ConfigureAwait(false);

        // An anomaly alarm left active by an earlier run: the rule continues from it instead of raising it again.
        var active = await _alarms.ListAsync(new AlarmQuery(asset.TenantId, asset.SiteId, asset.AssetId, ActiveOnly: true), cancellationToken).ConfigureAwait(false);
        var activeAnomaly = active.FirstOrDefault(alarm => alarm.ConditionKey == AlarmCondition && alarm.NodeId is null);
        var activeAction = activeAnomaly is null ? AnomalyAlarmAction.None : activeAnomaly.Severity == AlarmSeverity.Alarm ? AnomalyAlarmAction.RaiseAlarm : AnomalyAlarmAction.RaiseWarning;
        // The zone C/D boundary of the asset's ISO 10816-3 class is the RUL threshold (zone D: "severe enough to cause damage").
        var registered = _registry is null ? null : await _registry.GetAssetAsync(asset.TenantId, asset.SiteId, asset.AssetId, cancellationToken).ConfigureAwait(false);
        tracked = new TrackedAsset(new AssetHealthTracker(_options.Anomaly, _options.AlarmRule, loaded, activeAction))
        {
            ZoneDBoundaryMmPerSecond = registered is null ? null : IsoZoneBoundaries.For(registered.MachineGroup, registered.Foundation)[2],
            ModelId = loadedModel?.ModelId,
            ModelVersion = loadedModel?.Version.ToString(CultureInfo.InvariantCulture) ?? LearningVersion,
            RegistryGeneration = generation,
        };
        _trackers[asset] = tracked;
        return tracked;
    }

    private async Task<(AnomalyBaseline? Baseline, RegisteredModel? Model)> LoadBaselineAsync(ScoredAsset asset, RegisteredModel? model, CancellationToken cancellationToken)
    {
        if (model is null)
        {
            return (null, null);
        }

        var package = await _models.GetPackageAsync(asset.TenantId, model.ModelId, cancellationToken).ConfigureAwait(false);
        if (package is null || model.Kind != ModelKinds.AnomalyBaseline)
        {
            ScoringLog.BaselineUnreadable(_logger, model.ModelId, asset.ToString(), $"kind {model.Kind}, {(package is null ? "no package in the store" : "package present")}");
            return (null, null);
        }

        try
        {
            return (AnomalyBaseline.FromPackage(package), model);
        }
        catch (FormatException exception)
        {
            ScoringLog.BaselineUnreadable(_logger, model.ModelId, asset.ToString(), exception.Message);
            return (null, null);
        }
    }

    /// <summary>
    /// Time until velocity RMS reaches the zone C/D boundary, from the trend of the asset's recent windows; null while
    /// the asset's ISO class is unknown or too few windows are held.
    /// </summary>
    private static Prediction? EstimateRul(ScoredAsset asset, TrackedAsset tracked, ScoringWindow window, FeatureWindow featureWindow)
    {
        if (tracked.ZoneDBoundaryMmPerSecond is not { } boundary || featureWindow.VelocityRmsMaxMmPerSecond is not { } velocity || !double.IsFinite(velocity))
        {
            return null;
        }

        tracked.Velocity.Enqueue((featureWindow.TimestampUtc, velocity));
        while (tracked.Velocity.Count > RulOptions.MaximumPoints || featureWindow.TimestampUtc - tracked.Velocity.Peek().Time > RulOptions.Window)
        {
            tracked.Velocity.Dequeue();
        }

        var estimate = TrendRulEstimator.Estimate([.. tracked.Velocity], boundary, RulOptions);
        if (estimate.Status == TrendRulStatus.InsufficientData)
        {
            return null;
        }

        var status = estimate.Status switch
        {
            TrendRulStatus.Degrading => "degrading",
            TrendRulStatus.AtOrAboveThreshold => "at_or_above_threshold",
            _ => "not_degrading",
        };
        var details = new RulPredictionDetails(
            status,
            Round(estimate.LowerHours),
            Round(estimate.UpperHours),
            estimate.ConfidenceLevel,
            boundary,
            estimate.Shape.ToString().ToLowerInvariant(),
            estimate.SlopePerHour,
            estimate.PointsUsed,
            estimate.Explanation);
        return new Prediction(
            asset.TenantId,
            asset.SiteId,
            asset.AssetId,
            window.NodeId,
            RulModelName,
            "1",
            PredictionKind.RemainingUsefulLife,
            featureWindow.TimestampUtc,
            Round(estimate.RemainingHours),
            status,
            JsonSerializer.Serialize(details, ScoringJsonContext.Default.RulPredictionDetails));
    }

    private static double? Round(double? hours) => hours is { } value && double.IsFinite(value) ? Math.Round(value, 3) : null;

    private async Task ApplyAlarmAsync(ScoredAsset asset, FeatureWindow window, AssetHealthAssessment assessment, CancellationToken cancellationToken)
    {
        var rule = _options.AlarmRule;
        switch (assessment.AlarmAction)
        {
            case AnomalyAlarmAction.RaiseWarning:
            case AnomalyAlarmAction.RaiseAlarm:
                {
                    var severity = assessment.AlarmAction == AnomalyAlarmAction.RaiseAlarm ? AlarmSeverity.Alarm : AlarmSeverity.Warning;
                    var threshold = severity == AlarmSeverity.Alarm ? rule.AlarmBelowHealth : rule.WarningBelowHealth;
                    var drivers = assessment.Score?.Drivers is { Count: > 0 } list
                        ? string.Join(", ", list.Take(3).Select(driver => string.Create(CultureInfo.InvariantCulture, $"{driver.Feature} {driver.Ratio:0.##}× normal")))
                        : "no single feature";
                    var text = string.Create(CultureInfo.InvariantCulture, $"anomaly: health score {assessment.HealthScore:0} below {threshold:0} for {rule.RaiseAfterWindows} windows; drivers: {drivers}");
                    await _alarms.RaiseAsync(new AlarmRaise(asset.TenantId, asset.SiteId, asset.AssetId, null, AlarmOrigin.Cloud, AlarmCondition, severity, text, Math.Round(assessment.HealthScore, 2), threshold, window.TimestampUtc), cancellationToken).ConfigureAwait(false);
                    _statistics.AlarmChanged();
                    break;
                }

            case AnomalyAlarmAction.Clear:
                {
                    var reason = string.Create(CultureInfo.InvariantCulture, $"health score {assessment.HealthScore:0} at or above {rule.ClearAtOrAboveHealth:0} for {rule.ClearAfterWindows} windows");
                    await _alarms.ClearAsync(asset.TenantId, asset.AssetId, null, AlarmCondition, window.TimestampUtc, reason, cancellationToken).ConfigureAwait(false);
                    _statistics.AlarmChanged();
                    break;
                }
        }
    }

    private sealed class TrackedAsset(AssetHealthTracker tracker)
    {
        public AssetHealthTracker Tracker { get; } = tracker;

        public long? ModelId { get; set; }

        public string ModelVersion { get; set; } = LearningVersion;

        public long RegistryGeneration { get; set; }

        public double? ZoneDBoundaryMmPerSecond { get; init; }

        /// <summary>Recent (time, largest-axis velocity RMS) of the asset, for the RUL trend.</summary>
        public Queue<(DateTimeOffset Time, double Value)> Velocity { get; } = new();
    }
}
