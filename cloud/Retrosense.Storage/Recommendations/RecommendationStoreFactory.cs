using System;
using Retrosense.Platform.Recommendations;

namespace Retrosense.Storage.Recommendations;

/// <summary>
/// The recommendation store of an open reporting store. A factory beside <see cref="ReportingStore"/> rather than a
/// new property on it, so the process work adds no constructor parameter other branches also change.
/// </summary>
public static class RecommendationStoreFactory
{
    public static IRecommendationStore For(ReportingStore store, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new SqlRecommendationStore(store.Dialect, timeProvider ?? TimeProvider.System);
    }
}
