using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Retrosense.Platform.Predictions;

/// <summary>Model outputs per asset (health score, failure risk, RUL, fault type). Thread-safe.</summary>
public interface IPredictionStore
{
    /// <summary>Keeps the predictions in one transaction.</summary>
    Task WriteAsync(IReadOnlyList<Prediction> predictions, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Prediction>> ListAsync(PredictionQuery query, CancellationToken cancellationToken = default);

    /// <summary>The newest prediction of each kind (by window time) for the asset; kinds never predicted are absent.</summary>
    Task<IReadOnlyList<Prediction>> GetLatestAsync(string tenantId, string siteId, string assetId, CancellationToken cancellationToken = default);
}
