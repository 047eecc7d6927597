using System;

namespace Retrosense.Platform.Models;

/// <summary>One version of a model in the registry (without its package bytes: <see cref="IModelRegistryStore.GetPackageAsync"/>).</summary>
/// <param name="Version">1, 2, 3… per (scope, name), in registration order.</param>
/// <param name="IsPromoted">True for the one version of (scope, name) that scoring uses.</param>
/// <param name="PackageBytes">Size of the package kept in the store, 0 when it lives at <paramref name="ArtifactPath"/>.</param>
public sealed record RegisteredModel(
    long ModelId,
    ModelScope Scope,
    string Name,
    int Version,
    string Kind,
    DateTimeOffset TrainedAtUtc,
    DateTimeOffset RegisteredAtUtc,
    string CreatedBy,
    string? MetricsJson,
    string MetadataJson,
    string? ArtifactPath,
    long PackageBytes,
    bool IsPromoted,
    DateTimeOffset? PromotedAtUtc);
