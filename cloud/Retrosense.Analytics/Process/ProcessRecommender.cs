using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Retrosense.Analytics.Process;

/// <summary>
/// Searches the controls for the best predicted target at fixed conditions. The search box is the intersection of the
/// user's bounds, the step limits around the current settings and the training range of each control; inside it only
/// candidates the training data support count (distance limits over controls, and over controls with conditions).
/// Candidates are ranked by a cautious score, the ensemble mean minus one member standard deviation (towards worse), so
/// disagreement among members pulls the search back. Random candidates first, then three rounds of shrinking local
/// samples around the best, all seeded.
/// </summary>
public sealed class ProcessRecommender
{
    private const int GlobalCandidates = 3000;

    private const int LocalCandidates = 600;

    private static readonly double[] LocalRadii = [0.2, 0.08, 0.03];

    /// <summary>"high" confidence also needs the recommendation well inside the data: at most this fraction of the support limit.</summary>
    private const double WellSupportedFraction = 0.6;

    private readonly ProcessModel _model;

    public ProcessRecommender(ProcessModel model)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
    }

    public ProcessRecommendation Recommend(ProcessRecommendationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var metadata = _model.Metadata;
        var controls = metadata.Controls;
        var statistics = metadata.Statistics;
        var sign = metadata.Objective == ProcessObjective.Maximize ? 1.0 : -1.0;
        var warnings = new List<string>();

        var conditions = ReadConditions(request.Conditions);
        var current = ReadCurrent(request.Current);
        var box = SearchBox(request, current, warnings);

        var conditionRow = controls.Select(_ => 0.0).Concat(conditions).ToArray();
        var objective = metadata.Objective == ProcessObjective.Maximize ? "maximize" : "minimize";
        var supportLimit = _model.Support.Limit;
        var currentRow = current is null ? null : current.Concat(conditions).ToArray();
        var currentPredicted = currentRow is null ? null : Outcome(currentRow);
        var currentMap = current is null ? null : controls.Select((c, i) => (c, current[i])).ToDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal);
        var keep = currentMap ?? new Dictionary<string, double>(StringComparer.Ordinal);

        ProcessRecommendation Refuse(ProcessRecommendationStatus status, string message) =>
            new(status, "none", message, metadata.Target, objective, keep, currentMap, null, currentPredicted, null, null, supportLimit, box, warnings, metadata.Version, request.Seed);

        if (_model.ConditionSupport is { } conditionSupport)
        {
            var conditionDistance = conditionSupport.Distance(_model.Standardise(_model.Impute(conditionRow)));
            if (conditionDistance > conditionSupport.Limit)
            {
                return Refuse(
                    ProcessRecommendationStatus.UnsupportedConditions,
                    Format($"No recommendation: these conditions are unlike the training data (distance {conditionDistance:F2} > limit {conditionSupport.Limit:F2} standardised units), so the model cannot be trusted here. Keep the current settings."));
            }
        }

        if (box.Values.Any(b => b.Low > b.High))
        {
            var empty = box.First(b => b.Value.Low > b.Value.High).Key;
            return Refuse(ProcessRecommendationStatus.NoSupportedSetting, $"No recommendation: for '{empty}' the bounds, the step limit and the training range do not overlap. Keep the current settings.");
        }

        var random = new Random(request.Seed);
        var lows = controls.Select(c => box[c].Low).ToArray();
        var highs = controls.Select(c => box[c].High).ToArray();
        var candidates = new List<double[]>();
        for (var i = 0; i < GlobalCandidates; i++)
        {
            candidates.Add(controls.Select((_, c) => lows[c] + (random.NextDouble() * (highs[c] - lows[c]))).ToArray());
        }

        candidates.Add(controls.Select((_, c) => (lows[c] + highs[c]) / 2).ToArray());
        if (current is not null)
        {
            candidates.Add(current.Select((v, c) => Math.Clamp(v, lows[c], highs[c])).ToArray());
        }

        var best = Best(candidates, conditions, sign);
        if (best is null)
        {
            return Refuse(
                ProcessRecommendationStatus.NoSupportedSetting,
                "No recommendation: no setting within the bounds and step limits lies where the training data support the model (it would be extrapolation). Widen the bounds or step limits, or collect data in this region.");
        }

        foreach (var radius in LocalRadii)
        {
            var local = new List<double[]> { best.Value.Controls };
            for (var i = 0; i < LocalCandidates; i++)
            {
                local.Add(best.Value.Controls.Select((v, c) => Math.Clamp(v + ((random.NextDouble() * 2) - 1) * radius * (highs[c] - lows[c]), lows[c], highs[c])).ToArray());
            }

            best = Best(local, conditions, sign) ?? best;
        }

        var chosen = best!.Value;
        var row = chosen.Controls.Concat(conditions).ToArray();
        var predicted = Outcome(row);
        var setpoints = controls.Select((c, i) => (c, chosen.Controls[i])).ToDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal);
        var distance = chosen.Distance;
        var wellSupported = distance <= WellSupportedFraction * supportLimit;
        var units = metadata.Target;

        if (currentRow is null)
        {
            return new ProcessRecommendation(
                ProcessRecommendationStatus.Recommended,
                wellSupported ? "high" : "medium",
                Format($"Best supported settings for these conditions: predicted {units} {predicted.Value:F3} (90 % interval {predicted.IntervalLow:F3} to {predicted.IntervalHigh:F3}). No current settings were given, so no improvement is computed."),
                metadata.Target, objective, setpoints, null, predicted, null, null, distance, supportLimit, box, warnings, metadata.Version, request.Seed);
        }

        var members = _model.PredictMembers([row, currentRow]);
        var gains = members.Select(m => sign * (m[0] - m[1])).ToArray();
        var gain = gains.Average();
        var gainSd = gains.Length > 1 ? Math.Sqrt(gains.Sum(g => (g - gain) * (g - gain)) / (gains.Length - 1)) : 0;
        var t = StudentT90(gains.Length - 1);
        var improvement = new ProcessImprovement(gain, gain - (t * gainSd), gain + (t * gainSd), gains.Count(g => g > 0), gains.Length);
        var confident = improvement.IntervalLow > 0 && improvement.MembersAgreeing == improvement.Members;
        if (!confident)
        {
            return new ProcessRecommendation(
                ProcessRecommendationStatus.NoConfidentImprovement,
                "low",
                Format($"No confident improvement: the best supported settings are predicted to change {units} by {sign * gain:+0.000;-0.000} (90 % interval of the ensemble's paired difference {sign * improvement.IntervalLow:+0.000;-0.000} to {sign * improvement.IntervalHigh:+0.000;-0.000}; {improvement.MembersAgreeing} of {improvement.Members} members predict a gain). Keep the current settings."),
                metadata.Target, objective, currentMap!, currentMap, currentPredicted, currentPredicted, improvement, _model.Support.Distance(_model.Standardise(_model.Impute(currentRow))), supportLimit, box, warnings, metadata.Version, request.Seed);
        }

        var confidence = wellSupported ? "high" : "medium";
        return new ProcessRecommendation(
            ProcessRecommendationStatus.Recommended,
            confidence,
            Format($"Change the settings as listed: {units} predicted {predicted.Value:F3} (90 % interval {predicted.IntervalLow:F3} to {predicted.IntervalHigh:F3}) instead of {currentPredicted!.Value:F3}, an improvement of {gain:F3} (ensemble interval {improvement.IntervalLow:F3} to {improvement.IntervalHigh:F3}); confidence {confidence}{(wellSupported ? string.Empty : " (near the edge of the training data)")}."),
            metadata.Target, objective, setpoints, currentMap, predicted, currentPredicted, improvement, distance, supportLimit, box, warnings, metadata.Version, request.Seed);
    }

    private (double[] Controls, double Score, double Distance)? Best(List<double[]> candidates, double[] conditions, double sign)
    {
        var supported = new List<(double[] Controls, double[] Row, double Distance)>();
        foreach (var candidate in candidates)
        {
            var row = candidate.Concat(conditions).ToArray();
            var standardised = _model.Standardise(_model.Impute(row));
            if (_model.ControlSupport.Distance(standardised) > _model.ControlSupport.Limit)
            {
                continue;
            }

            var distance = _model.Support.Distance(standardised);
            if (distance <= _model.Support.Limit)
            {
                supported.Add((candidate, row, distance));
            }
        }

        if (supported.Count == 0)
        {
            return null;
        }

        var (mean, sd) = _model.Predict(supported.Select(s => s.Row).ToArray());
        var bestIndex = 0;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < supported.Count; i++)
        {
            var score = (sign * mean[i]) - sd[i];
            if (score > bestScore)
            {
                bestScore = score;
                bestIndex = i;
            }
        }

        return (supported[bestIndex].Controls, bestScore, supported[bestIndex].Distance);
    }

    private ProcessPredictedOutcome Outcome(double[] row)
    {
        var (mean, sd) = _model.Predict([row]);
        var halfWidth = _model.IntervalHalfWidth(sd[0]);
        return new ProcessPredictedOutcome(mean[0], mean[0] - halfWidth, mean[0] + halfWidth, sd[0]);
    }

    private double[] ReadConditions(IReadOnlyDictionary<string, double> given)
    {
        var metadata = _model.Metadata;
        foreach (var key in given.Keys)
        {
            if (metadata.Controls.Contains(key))
            {
                throw new ProcessInputException($"'{key}' is a control of this model, not a condition: give it with --current");
            }

            if (!metadata.Conditions.Contains(key))
            {
                throw new ProcessInputException($"unknown condition '{key}': the model's conditions are {string.Join(", ", metadata.Conditions)}");
            }
        }

        var missing = metadata.Conditions.Where(c => !given.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            throw new ProcessInputException($"missing condition(s): {string.Join(", ", missing)}");
        }

        return metadata.Conditions.Select(c => CheckFinite(c, given[c])).ToArray();
    }

    private double[]? ReadCurrent(IReadOnlyDictionary<string, double>? given)
    {
        if (given is null || given.Count == 0)
        {
            return null;
        }

        var metadata = _model.Metadata;
        foreach (var key in given.Keys)
        {
            if (!metadata.Controls.Contains(key))
            {
                throw new ProcessInputException(metadata.Conditions.Contains(key)
                    ? $"'{key}' is a condition of this model, not a control: give it with --conditions"
                    : $"unknown control '{key}' in the current settings: the model's controls are {string.Join(", ", metadata.Controls)}");
            }
        }

        var missing = metadata.Controls.Where(c => !given.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            throw new ProcessInputException($"current settings miss control(s): {string.Join(", ", missing)}");
        }

        return metadata.Controls.Select(c => CheckFinite(c, given[c])).ToArray();
    }

    private Dictionary<string, ProcessBounds> SearchBox(ProcessRecommendationRequest request, double[]? current, List<string> warnings)
    {
        var metadata = _model.Metadata;
        foreach (var key in (request.Bounds?.Keys ?? []).Concat(request.MaxStep?.Keys ?? []))
        {
            if (!metadata.Controls.Contains(key))
            {
                throw new ProcessInputException($"bounds and step limits apply to controls only; '{key}' is {(metadata.Conditions.Contains(key) ? "a condition" : "not a column of this model")} (controls: {string.Join(", ", metadata.Controls)})");
            }
        }

        if (request.MaxStep is { Count: > 0 } && current is null)
        {
            throw new ProcessInputException("step limits need the current settings (--current) to step from");
        }

        var box = new Dictionary<string, ProcessBounds>(StringComparer.Ordinal);
        for (var c = 0; c < metadata.Controls.Count; c++)
        {
            var name = metadata.Controls[c];
            var stats = metadata.Statistics[c];
            var low = stats.Min;
            var high = stats.Max;
            if (request.Bounds is not null && request.Bounds.TryGetValue(name, out var bounds))
            {
                CheckFinite(name, bounds.Low);
                CheckFinite(name, bounds.High);
                if (bounds.Low > bounds.High)
                {
                    throw new ProcessInputException(Format($"bounds for '{name}' are reversed: {bounds.Low} > {bounds.High}"));
                }

                if (bounds.High < stats.Min || bounds.Low > stats.Max)
                {
                    throw new ProcessInputException(Format($"bounds for '{name}' ({bounds.Low} to {bounds.High}) lie outside the training data ({stats.Min} to {stats.Max}): the model knows nothing there"));
                }

                if (bounds.Low < stats.Min || bounds.High > stats.Max)
                {
                    warnings.Add(Format($"bounds for '{name}' were narrowed to the training range {Math.Max(bounds.Low, stats.Min)} to {Math.Min(bounds.High, stats.Max)}"));
                }

                low = Math.Max(low, bounds.Low);
                high = Math.Min(high, bounds.High);
            }

            if (request.MaxStep is not null && request.MaxStep.TryGetValue(name, out var step))
            {
                if (!(step > 0) || !double.IsFinite(step))
                {
                    throw new ProcessInputException(Format($"the step limit for '{name}' must be a positive number, got {step}"));
                }

                low = Math.Max(low, current![c] - step);
                high = Math.Min(high, current[c] + step);
            }

            if (current is not null && (current[c] < stats.Min || current[c] > stats.Max))
            {
                warnings.Add(Format($"the current '{name}' {current[c]} is outside the training range {stats.Min} to {stats.Max}"));
            }

            box[name] = new ProcessBounds(low, high);
        }

        return box;
    }

    private static double CheckFinite(string name, double value) =>
        double.IsFinite(value) ? value : throw new ProcessInputException($"'{name}' must be a finite number");

    /// <summary>Two-sided 90 % Student t quantiles for 1 to 10 degrees of freedom (standard tables); 1.645 beyond.</summary>
    private static double StudentT90(int degreesOfFreedom) => degreesOfFreedom switch
    {
        <= 0 => double.PositiveInfinity,
        1 => 6.314,
        2 => 2.920,
        3 => 2.353,
        4 => 2.132,
        5 => 2.015,
        6 => 1.943,
        7 => 1.895,
        8 => 1.860,
        9 => 1.833,
        10 => 1.812,
        _ => 1.645,
    };

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
