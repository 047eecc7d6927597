namespace Retrosense.Analytics.Training;

/// <summary>The <see cref="FeatureColumnSpec.Kind"/> names, as written in model packages.</summary>
public static class FeatureKinds
{
    public const string Numeric = "numeric";
    public const string Categorical = "categorical";

    /// <summary>More distinct text values than this is an identifier or free text, not a category one-hot can encode.</summary>
    public const int MaximumCategories = 50;
}
