using System.Text.Json;
using System.Text.Json.Serialization;

namespace Retrosense.Analytics.Process;

/// <summary>JSON settings for everything the process module writes: snake_case names (the shared metric names rmse, mae, r2), enums as lower-case words.</summary>
public static class ProcessJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>One line per object: JSON Lines output and compact database columns.</summary>
    public static JsonSerializerOptions Compact { get; } = new(Options) { WriteIndented = false };
}
