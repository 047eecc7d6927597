namespace Retrosense.Analytics;

/// <summary>Anchor for the analytics assembly (reflection, test discovery); the library's types live in its folders.</summary>
public static class AnalyticsAssembly
{
    public const string Name = "Retrosense.Analytics";
}
