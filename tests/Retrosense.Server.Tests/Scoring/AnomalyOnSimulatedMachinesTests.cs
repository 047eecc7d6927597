using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Retrosense.Analytics.Anomaly;
using Retrosense.Node.Configuration;
using Retrosense.Node.Host.Simulation;
using Retrosense.Node.Thresholds;
using Retrosense.Platform.Ingestion.Wire;
using Retrosense.Server.Scoring;

namespace Retrosense.Server.Tests.Scoring;

/// <summary>
/// The anomaly baseline and alarm rule (the server's settings, <see cref="LiveScoringOptions"/>) on simulated machines:
/// windows made by the node runtime's machine model and the node's own feature extractor and encoder, read by the
/// cloud's decoder, one every five minutes of simulated time (the node's default heartbeat), no wall-clock waiting.
/// </summary>
public sealed class AnomalyOnSimulatedMachinesTests
{
    private const double WindowSeconds = 300;

    private const double Day = 86_400;

    private static readonly LiveScoringOptions Settings = new();

    [Fact]
    public void A_Degrading_Bearing_Lowers_The_Health_Score_And_Raises_The_Anomaly_Alarm_Before_Iso_Zone_D()
    {
        // Healthy for a day, then an outer-race spall growing from nothing by 0.1 a day, with the demo's looseness
        // (the 1× rises threefold at severity 1) so velocity RMS goes on through zone C into D.
        var faults = new FaultPlan([new FaultGrowth(FaultKind.OuterRace, Day, 0, 0.1 / 24)]);
        var node = SimulatedMachines.Node("pump-7", seed: 11, shaftSpeedRpm: 1780, Foundation.Rigid, faults, loosenessFactor: 3);
        var tracker = new AssetHealthTracker(Settings.Anomaly, Settings.AlarmRule);
        double? raisedAt = null, alarmAt = null, zoneCAt = null, zoneDAt = null, healthAtRaise = null;
        var healthyScores = new List<double>();
        var seconds = 0.0;
        while (seconds < 14 * Day && zoneDAt is null)
        {
            var assessment = Assess(node, tracker, seconds);
            if (seconds < Day && assessment.Score is not null)
            {
                healthyScores.Add(assessment.HealthScore);
            }

            if (assessment.AlarmAction is AnomalyAlarmAction.RaiseWarning or AnomalyAlarmAction.RaiseAlarm && raisedAt is null)
            {
                (raisedAt, healthAtRaise) = (seconds, assessment.HealthScore);
            }

            alarmAt ??= assessment.AlarmAction == AnomalyAlarmAction.RaiseAlarm ? seconds : null;
            zoneCAt ??= node.LastZone == IsoZone.C ? seconds : null;
            zoneDAt ??= node.LastZone == IsoZone.D ? seconds : null;

            // Once the anomaly is raised only the zone matters: half-hour steps find zone D to within half an hour.
            seconds += raisedAt is null ? WindowSeconds : 6 * WindowSeconds;
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"fault onset at 24.0 h; anomaly alarm first raised at {Hours(raisedAt)} h (health {healthAtRaise:0.0}), at alarm severity from {Hours(alarmAt)} h; ISO zone C at {Hours(zoneCAt)} h, zone D at {Hours(zoneDAt)} h; healthy-day health min {healthyScores.Min():0.0} median {Median(healthyScores):0.0}"));
        Assert.NotNull(zoneDAt);
        Assert.NotNull(raisedAt);
        Assert.True(raisedAt > Day, "no anomaly may be raised before the fault starts");
        Assert.True(raisedAt < zoneDAt, $"anomaly at {Hours(raisedAt)} h, zone D at {Hours(zoneDAt)} h");
        Assert.True(healthAtRaise < Settings.AlarmRule.WarningBelowHealth);
        Assert.True(Median(healthyScores) > 80, "a healthy machine scores high against its own baseline");
    }

    [Fact]
    public void Healthy_Machines_Raise_At_Most_One_False_Anomaly_Alarm_Per_Asset_Week()
    {
        // Four healthy machines of the demo plant's kinds (speeds, foundations), a simulated week each.
        var machines = new (string Asset, int Seed, double Rpm, Foundation Foundation)[]
        {
            ("pump-cw-2", 21, 1780, Foundation.Rigid),
            ("pump-cip-2", 22, 3560, Foundation.Rigid),
            ("fan-ahu-1", 23, 1180, Foundation.Flexible),
            ("conveyor-pack-1", 24, 1745, Foundation.Rigid),
        };
        var results = new string[machines.Length];
        var falseAlarmsPerMachine = new int[machines.Length];
        var windowsPerMachine = new int[machines.Length];

        // Machines are independent: simulated side by side.
        System.Threading.Tasks.Parallel.For(0, machines.Length, index =>
        {
            var machine = machines[index];
            var node = SimulatedMachines.Node(machine.Asset, machine.Seed, machine.Rpm, machine.Foundation, FaultPlan.None);
            var tracker = new AssetHealthTracker(Settings.Anomaly, Settings.AlarmRule);
            var minimumHealth = 100.0;
            var anomalousWindows = 0;
            for (var seconds = 0.0; seconds < 7 * Day; seconds += WindowSeconds)
            {
                var assessment = Assess(node, tracker, seconds);
                windowsPerMachine[index]++;
                falseAlarmsPerMachine[index] += assessment.AlarmAction is AnomalyAlarmAction.RaiseWarning or AnomalyAlarmAction.RaiseAlarm ? 1 : 0;
                if (assessment.Score is not null)
                {
                    minimumHealth = Math.Min(minimumHealth, assessment.HealthScore);
                    anomalousWindows += assessment.IsAnomaly ? 1 : 0;
                }
            }

            results[index] = string.Create(CultureInfo.InvariantCulture, $"{machine.Asset}: lowest health {minimumHealth:0.0}, {anomalousWindows} anomalous windows");
        });

        var falseAlarms = falseAlarmsPerMachine.Sum();
        var windows = windowsPerMachine.Sum();
        var lowest = results;
        var perAssetWeek = falseAlarms / (double)machines.Length;
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{falseAlarms} false anomaly alarms over {machines.Length} asset-weeks ({windows} windows, one per {WindowSeconds:0} s): {perAssetWeek:0.00} per asset-week; {string.Join("; ", lowest)}"));
        Assert.True(perAssetWeek <= 1.0, $"{perAssetWeek} false anomaly alarms per asset-week");
    }

    private static AssetHealthAssessment Assess(SimulatedNodeTelemetry node, AssetHealthTracker tracker, double seconds)
    {
        var message = node.WindowAt(seconds);
        return tracker.Assess(FeatureWindow.FromTelemetry(message.Topic.Node, (TelemetryWire)message.Message));
    }

    private static string Hours(double? seconds) => seconds is { } value ? (value / 3600).ToString("0.0", CultureInfo.InvariantCulture) : "never";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }
}
