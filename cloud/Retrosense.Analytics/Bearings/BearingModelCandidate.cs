using System.Collections.Generic;

namespace Retrosense.Analytics.Bearings;

/// <summary>One feature set with one trainer: what cross-validation compares and a trained classifier records.</summary>
/// <param name="FeatureSetName">Short name of the feature set, e.g. <c>envelope_ratios</c>.</param>
/// <param name="Features">The <see cref="BearingFeatureRow"/> properties fed to the trainer, in order.</param>
/// <param name="Trainer">The trainer.</param>
public sealed record BearingModelCandidate(string FeatureSetName, IReadOnlyList<string> Features, BearingTrainer Trainer);
