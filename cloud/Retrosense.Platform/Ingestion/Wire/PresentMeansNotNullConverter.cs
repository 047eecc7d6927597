using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Retrosense.Platform.Ingestion.Wire;

/// <summary>
/// For optional parts of a message (<c>env</c>, <c>bands_g</c>, an env channel, <c>zone</c>, <c>reason</c>): the contract
/// omits them when absent and never writes null (shared/schemas/README.md, "Optional parts are omitted, not null"), but
/// a nullable C# property would take an explicit null silently. This converter sees the null and rejects it; any other
/// value is read with the context's own metadata for <typeparamref name="T"/>.
/// </summary>
public sealed class PresentMeansNotNullConverter<T> : JsonConverter<T>
    where T : class
{
    /// <summary>Makes System.Text.Json hand a JSON null to <see cref="Read"/> instead of assigning null itself.</summary>
    public override bool HandleNull => true;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            throw new JsonException("null is not allowed here: an optional part is omitted when absent, never null.");
        }

        return JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        JsonSerializer.Serialize(writer, value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
    }
}
