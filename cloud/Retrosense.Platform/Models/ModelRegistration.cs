using System;

namespace Retrosense.Platform.Models;

/// <summary>
/// A model package to add to the registry. The store gives it the next version number of its (scope, name); the
/// package is opaque here (an ML.NET zip with metadata, or an anomaly baseline's JSON): whoever scores it knows the
/// format by <see cref="Kind"/>.
/// </summary>
/// <param name="Name">What the model is for, stable across versions (e.g. <c>anomaly-baseline</c>, <c>failure-risk</c>).</param>
/// <param name="Kind">The package format and prediction kind (<see cref="ModelKinds"/>).</param>
/// <param name="TrainedAtUtc">When training finished.</param>
/// <param name="MetricsJson">Evaluation metrics as a JSON object (snake_case names), or null.</param>
/// <param name="MetadataJson">The package's metadata as a JSON object: features, training data hash, trainer, seed, ….</param>
/// <param name="Package">The package bytes kept in the store; null when <paramref name="ArtifactPath"/> points at it.</param>
/// <param name="ArtifactPath">A path beside the store where the package lives, when it is not kept in the store.</param>
/// <param name="CreatedBy">Who registered it: a user, <c>cli</c>, or <c>scoring</c> for baselines the server learns.</param>
public sealed record ModelRegistration(
    ModelScope Scope,
    string Name,
    string Kind,
    DateTimeOffset TrainedAtUtc,
    string? MetricsJson,
    string MetadataJson,
    byte[]? Package,
    string? ArtifactPath,
    string CreatedBy);
