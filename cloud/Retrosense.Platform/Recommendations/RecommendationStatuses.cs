namespace Retrosense.Platform.Recommendations;

/// <summary>The states of a recommendation the <c>recommendations</c> table allows (migration 0003's CHECK).</summary>
public static class RecommendationStatuses
{
    public const string Proposed = "proposed";

    public const string Accepted = "accepted";

    public const string Rejected = "rejected";
}
