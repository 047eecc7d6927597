namespace Retrosense.Platform.Rollups;

/// <summary>The bucket width of an asset rollup.</summary>
public enum RollupResolution
{
    /// <summary>One-minute buckets (UTC minute boundaries), for live dashboards.</summary>
    Minute,

    /// <summary>One-hour buckets (UTC hour boundaries), for trends and models; kept longer than minutes.</summary>
    Hour,
}
