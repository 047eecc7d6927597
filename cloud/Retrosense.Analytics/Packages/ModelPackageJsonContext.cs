using System.Text.Json.Serialization;

namespace Retrosense.Analytics.Packages;

/// <summary>Source-generated JSON for <c>model.json</c>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(ModelPackageMetadata))]
public sealed partial class ModelPackageJsonContext : JsonSerializerContext
{
}
