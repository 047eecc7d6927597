using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Analytics.Process;
using Retrosense.Platform.Recommendations;
using Retrosense.Platform.Rollups;

namespace Retrosense.Server.ProcessOptimization;

/// <summary>
/// Makes a recommendation for an asset with a process model: conditions and current settings given by the caller win;
/// any the caller leaves out come from the asset's latest readings (the newest minute rollup of the metric with the
/// same name, within the look-back). The result is stored as proposed (with a usage event) whatever its status, so a
/// "keep the current settings" answer is on record too.
/// </summary>
public sealed class ProcessRecommendationService
{
    private readonly ProcessModelCatalog _catalog;
    private readonly IRecommendationStore _store;
    private readonly IRollupStore _rollups;
    private readonly ProcessRecommendationOptions _options;
    private readonly TimeProvider _timeProvider;

    public ProcessRecommendationService(ProcessModelCatalog catalog, IRecommendationStore store, IRollupStore rollups, ProcessRecommendationOptions options, TimeProvider timeProvider)
    {
        _catalog = catalog;
        _store = store;
        _rollups = rollups;
        _options = options;
        _timeProvider = timeProvider;
    }

    /// <summary>The stored recommendation; null when the asset has no process model. Bad input throws <see cref="ProcessInputException"/>.</summary>
    public async Task<(StoredRecommendation Stored, ProcessRecommendation Recommendation)?> RecommendAsync(
        string tenantId, string assetId, ProcessRecommendationRequest given, string trigger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(given);
        var model = await _catalog.FindAsync(tenantId, assetId, cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return null;
        }

        var latest = await LatestReadingsAsync(tenantId, assetId, cancellationToken).ConfigureAwait(false);
        var conditions = Fill(model.Metadata.Conditions, given.Conditions, latest);
        var current = Fill(model.Metadata.Controls, given.Current ?? new Dictionary<string, double>(), latest);
        var missingConditions = model.Metadata.Conditions.Where(c => !conditions.ContainsKey(c)).ToArray();
        if (missingConditions.Length > 0)
        {
            throw new ProcessInputException($"no value for condition(s) {string.Join(", ", missingConditions)}: give them in 'conditions' or let the asset report them");
        }

        var request = given with
        {
            Conditions = conditions,
            Current = current.Count == model.Metadata.Controls.Count ? current : (given.Current is { Count: > 0 } ? current : null),
        };
        var recommendation = new ProcessRecommender(model).Recommend(request);
        var setpoints = JsonSerializer.Serialize(recommendation.Setpoints, ProcessJson.Compact);
        var effect = JsonSerializer.Serialize(
            new { recommendation.Status, recommendation.Confidence, recommendation.Message, recommendation.Target, recommendation.Objective, recommendation.Predicted, recommendation.CurrentPredicted, recommendation.Improvement, recommendation.Current, Conditions = conditions, recommendation.SupportDistance, recommendation.SupportLimit, recommendation.Warnings },
            ProcessJson.Compact);
        var stored = await _store.AddAsync(new NewRecommendation(tenantId, assetId, null, model.Metadata.Version, _timeProvider.GetUtcNow(), setpoints, effect, trigger), cancellationToken).ConfigureAwait(false);
        return (stored, recommendation);
    }

    private async Task<Dictionary<string, double>> LatestReadingsAsync(string tenantId, string assetId, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var points = await _rollups.GetAssetRollupsAsync(tenantId, assetId, RollupResolution.Minute, now - _options.ReadingsLookback, now.AddMinutes(1), null, cancellationToken).ConfigureAwait(false);
        return points.GroupBy(p => p.Metric, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(p => p.BucketStartUtc)!.Mean, StringComparer.Ordinal);
    }

    private static Dictionary<string, double> Fill(IReadOnlyList<string> names, IReadOnlyDictionary<string, double> given, Dictionary<string, double> latest)
    {
        var result = new Dictionary<string, double>(given, StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!result.ContainsKey(name) && latest.TryGetValue(name, out var value))
            {
                result[name] = value;
            }
        }

        return result;
    }
}
