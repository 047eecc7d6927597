namespace Retrosense.Platform.Ingestion;

/// <summary>
/// Machine codes of <see cref="RejectReason"/>, stable strings for storage, metrics and the quarantine API.
/// Listed in the order <see cref="NodeMessageDecoder"/> checks them (README.md beside this file).
/// </summary>
public static class RejectCode
{
    /// <summary>The payload is larger than <see cref="NodeMessageDecoder.MaxPayloadBytes"/>.</summary>
    public const string PayloadTooLarge = "payload_too_large";

    /// <summary>The payload is empty.</summary>
    public const string EmptyPayload = "empty_payload";

    /// <summary>The payload is not valid UTF-8.</summary>
    public const string InvalidUtf8 = "invalid_utf8";

    /// <summary>The topic is not a contract topic, or its kind is not a node → cloud kind.</summary>
    public const string BadTopic = "bad_topic";

    /// <summary>Not one JSON value (syntax error, comment, trailing comma, nesting deeper than the limit, bad escape).</summary>
    public const string MalformedJson = "malformed_json";

    /// <summary><c>schema</c> is not <c>Retrosense.Contracts.SchemaVersion.Current</c>.</summary>
    public const string SchemaVersion = "schema_version";

    /// <summary><c>kind</c> differs from the topic's kind.</summary>
    public const string KindMismatch = "kind_mismatch";

    /// <summary><c>node</c> differs from the topic's node id.</summary>
    public const string NodeMismatch = "node_mismatch";

    /// <summary>A required field is absent.</summary>
    public const string MissingField = "missing_field";

    /// <summary>A field has the wrong JSON type (string for a number, null where a value is required, …).</summary>
    public const string WrongType = "wrong_type";

    /// <summary>A field has the right type but a value outside its range, enum or length.</summary>
    public const string OutOfRange = "out_of_range";

    /// <summary>A field the schema does not define.</summary>
    public const string UnknownField = "unknown_field";

    /// <summary>A field appears twice in one object.</summary>
    public const string DuplicateField = "duplicate_field";

    /// <summary>A bug in the decoder threw; the message names the exception type. Never expected.</summary>
    public const string Internal = "internal";
}
