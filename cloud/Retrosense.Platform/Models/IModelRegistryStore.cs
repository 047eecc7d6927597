using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Platform.Registry;

namespace Retrosense.Platform.Models;

/// <summary>
/// Versioned model packages per tenant or per asset, with one promoted version per (scope, name) and a history of
/// promotions and roll-backs. Thread-safe. Nothing is deleted: a roll-back re-promotes the version the current one
/// replaced. Bad arguments throw <see cref="ArgumentException"/>; a model the tenant does not have throws
/// <see cref="RegistryNotFoundException"/>.
/// </summary>
public interface IModelRegistryStore
{
    /// <summary>Adds the package as the next version of its (scope, name), not promoted.</summary>
    Task<RegisteredModel> RegisterAsync(ModelRegistration registration, CancellationToken cancellationToken = default);

    /// <summary>Every version of the tenant's models (any scope), filtered by asset (site + asset) and name when given; newest first.</summary>
    Task<IReadOnlyList<RegisteredModel>> ListAsync(string tenantId, string? siteId = null, string? assetId = null, string? name = null, CancellationToken cancellationToken = default);

    Task<RegisteredModel?> GetAsync(string tenantId, long modelId, CancellationToken cancellationToken = default);

    /// <summary>The package bytes kept in the store; null when the model has none (it lives at its artifact path) or is not the tenant's.</summary>
    Task<byte[]?> GetPackageAsync(string tenantId, long modelId, CancellationToken cancellationToken = default);

    /// <summary>Makes this version the promoted one of its (scope, name) and records who did it; promoting the promoted version again changes nothing.</summary>
    Task<RegisteredModel> PromoteAsync(string tenantId, long modelId, string by, CancellationToken cancellationToken = default);

    /// <summary>
    /// Re-promotes the version the currently promoted one of (scope, name) replaced, or leaves none promoted when it
    /// replaced nothing; returns the now promoted version (null = none). Throws <see cref="RegistryNotFoundException"/>
    /// when nothing of that scope and name is promoted.
    /// </summary>
    Task<RegisteredModel?> RollBackAsync(ModelScope scope, string name, string by, CancellationToken cancellationToken = default);

    /// <summary>The model scoring should use for the asset: its own promoted version of the name, else the tenant's; null when neither.</summary>
    Task<RegisteredModel?> FindPromotedAsync(string tenantId, string siteId, string assetId, string name, CancellationToken cancellationToken = default);

    /// <summary>Promotions and roll-backs of (scope, name), oldest first.</summary>
    Task<IReadOnlyList<ModelPromotion>> ListPromotionsAsync(ModelScope scope, string name, CancellationToken cancellationToken = default);
}
