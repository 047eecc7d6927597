using System;
using System.Text.Json;

namespace Retrosense.Server.Api.Responses;

/// <summary>One version of a model in the registry (the package bytes are not part of it).</summary>
/// <param name="SiteId">With <paramref name="AssetId"/>: the asset the model serves; both null for a tenant-wide model.</param>
/// <param name="Version">1, 2, 3… per (scope, name).</param>
/// <param name="ArtifactPath">Where the package lives when it is not kept in the store.</param>
/// <param name="IsPromoted">True for the version scoring uses.</param>
public sealed record ModelResponse(
    long ModelId,
    string? SiteId,
    string? AssetId,
    string Name,
    int Version,
    string Kind,
    DateTime TrainedAtUtc,
    DateTime RegisteredAtUtc,
    string CreatedBy,
    JsonElement? Metrics,
    JsonElement Metadata,
    string? ArtifactPath,
    long PackageBytes,
    bool IsPromoted,
    DateTime? PromotedAtUtc);
