using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Analytics.Anomaly;
using Retrosense.Contracts;
using Retrosense.Node.Host.Simulation;
using Retrosense.Platform.Ingestion.Wire;
using Retrosense.Platform.Models;
using Retrosense.Server.Demo;

namespace Retrosense.Server.Scoring;

/// <summary>
/// Gives each demo machine an anomaly baseline before the demo starts, as if it had been watched while healthy: the
/// demo's fault begins 20 s after start and its nodes report once a minute, so a baseline learned live (60 windows)
/// would come an hour too late to show anything. Each asset's baseline is fitted from windows of its own machine model
/// (same speed, bearing, looseness and node config as the live demo node, another seed, no fault) one simulated minute
/// apart, and registered like any baseline (created by <c>scoring</c>, metadata says "simulated healthy demo machine").
/// Assets that already have a promoted baseline (a restart) keep it.
/// </summary>
public sealed class DemoBaselineSeeder
{
    private readonly IModelRegistryStore _models;
    private readonly AssetHealthScoring _scoring;
    private readonly LiveScoringOptions _options;

    public DemoBaselineSeeder(IModelRegistryStore models, AssetHealthScoring scoring, LiveScoringOptions options)
    {
        _models = models ?? throw new ArgumentNullException(nameof(models));
        _scoring = scoring ?? throw new ArgumentNullException(nameof(scoring));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>Seeds the assets of the plan that have no promoted baseline; returns how many were seeded.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        if (_options.DemoBaselineWindows < _options.Anomaly.MinimumBaselineWindows)
        {
            return 0;
        }

        var seeded = 0;
        var index = 0;
        foreach (var asset in DemoFleetPlan.Assets)
        {
            index++;
            var scored = new ScoredAsset(DemoFleetPlan.TenantId, DemoFleetPlan.SiteId, asset.AssetId);
            if (await _models.FindPromotedAsync(scored.TenantId, scored.SiteId, scored.AssetId, AssetHealthScoring.BaselineModelName, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            var windows = Simulate(asset, index, _options.DemoBaselineWindows);
            var baseline = AnomalyBaseline.Fit(windows, _options.Anomaly);
            await _scoring.RegisterBaselineAsync(scored, baseline, "simulated healthy demo machine", cancellationToken).ConfigureAwait(false);
            seeded++;
        }

        return seeded;
    }

    private static List<FeatureWindow> Simulate(DemoAsset asset, int index, int count)
    {
        var startUtc = DateTimeOffset.UtcNow.AddMinutes(-count - 1);
        var live = DemoFleetConfiguration.ModelFor(asset, seed: index, startUtc);
        var healthy = new MachineModelSettings
        {
            Seed = 7000 + index,
            ShaftSpeedRpm = live.ShaftSpeedRpm,
            StartUtc = startUtc,
            BearingLoosenessFactor = live.BearingLoosenessFactor,
        };
        var telemetry = new SimulatedNodeTelemetry(
            new MachineModel(healthy),
            DemoFleetConfiguration.For(asset),
            TopicPath.Create(DemoFleetPlan.TenantId, DemoFleetPlan.SiteId, asset.AssetId, asset.NodeId, "telemetry"));
        var windows = new List<FeatureWindow>(count);
        for (var i = 0; i < count; i++)
        {
            var message = telemetry.WindowAt(i * 60.0);
            windows.Add(FeatureWindow.FromTelemetry(asset.NodeId, (TelemetryWire)message.Message));
        }

        return windows;
    }
}
