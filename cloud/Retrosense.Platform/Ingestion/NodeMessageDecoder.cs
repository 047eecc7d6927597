using System;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Retrosense.Contracts;
using Retrosense.Platform.Ingestion.Wire;

namespace Retrosense.Platform.Ingestion;

/// <summary>
/// Decodes and validates one node → cloud MQTT message (topic + payload) against the wire contract in shared/schemas.
/// Checks run in a fixed order (README.md beside this file) and the first failure is the reason. Never throws: input
/// from the network is hostile, and a decoder bug is reported as <see cref="RejectCode.Internal"/> instead of crashing
/// the ingestion loop.
/// </summary>
public sealed class NodeMessageDecoder
{
    /// <summary>
    /// Largest payload accepted, in bytes. The biggest valid message (telemetry with bands and all env channels) is
    /// about 2 KiB; 16 KiB leaves room for many bands while bounding the work one message can cause.
    /// </summary>
    public const int MaxPayloadBytes = 16 * 1024;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = NodeMessageJsonContext.MaxDepth,
    };

    private readonly NodeMessageValidator _validator;

    /// <summary>Creates a decoder; <paramref name="timeProvider"/> (default: system clock) bounds <c>ts</c> from above.</summary>
    public NodeMessageDecoder(TimeProvider? timeProvider = null)
    {
        _validator = new NodeMessageValidator(timeProvider ?? TimeProvider.System);
    }

    /// <summary>
    /// Decodes <paramref name="payload"/> received on <paramref name="topic"/>. True with <paramref name="message"/> set,
    /// or false with <paramref name="reason"/> set. Never throws.
    /// </summary>
    public bool TryDecode(
        string? topic,
        ReadOnlySpan<byte> payload,
        [NotNullWhen(true)] out DecodedNodeMessage? message,
        [NotNullWhen(false)] out RejectReason? reason)
    {
        message = null;
        try
        {
            reason = Decode(topic, payload, out message);
        }
        catch (Exception exception)
        {
            // Any exception here is a decoder bug (expected failures are turned into reasons below); keep the process alive.
            message = null;
            reason = new RejectReason(RejectCode.Internal, "decoder failed with " + exception.GetType().FullName + ": " + exception.Message);
        }

        return reason is null && message is not null;
    }

    private RejectReason? Decode(string? topic, ReadOnlySpan<byte> payload, out DecodedNodeMessage? message)
    {
        message = null;
        if (payload.Length > MaxPayloadBytes)
        {
            return new RejectReason(RejectCode.PayloadTooLarge, "payload is " + payload.Length + " bytes, at most " + MaxPayloadBytes + " (16 KiB) allowed");
        }

        if (payload.IsEmpty)
        {
            return new RejectReason(RejectCode.EmptyPayload, "payload is empty (0 bytes); a node message is a JSON object");
        }

        if (!Utf8.IsValid(payload))
        {
            return new RejectReason(RejectCode.InvalidUtf8, "payload is not valid UTF-8 (first invalid byte at offset " + FirstInvalidUtf8Offset(payload) + ")");
        }

        if (!TopicPath.TryParse(topic, out var path, out var topicError) || path is null)
        {
            return new RejectReason(RejectCode.BadTopic, "topic '" + Printable(topic) + "' is not a Retrosense topic: " + topicError);
        }

        var typeInfo = TypeInfoFor(path.Kind);
        if (typeInfo is null)
        {
            return new RejectReason(RejectCode.BadTopic, "topic kind '" + path.Kind + "' is cloud → node; nodes publish only birth, death, telemetry, alarm, status and config-ack");
        }

        var header = ScanHeader(payload);
        if (header.Problem is not null)
        {
            return header.Problem;
        }

        var headerProblem = CheckHeader(header, path);
        if (headerProblem is not null)
        {
            return headerProblem;
        }

        NodeMessageWire? wire;
        try
        {
            wire = (NodeMessageWire?)JsonSerializer.Deserialize(payload, typeInfo);
        }
        catch (JsonException exception)
        {
            return Classify(exception, path.Kind);
        }
        catch (InvalidOperationException exception)
        {
            // The reader throws this for a string it cannot transcode; the header scan catches escapes, so this is a backstop.
            return new RejectReason(RejectCode.WrongType, "a string value cannot be read: " + exception.Message);
        }

        if (wire is null)
        {
            return new RejectReason(RejectCode.WrongType, "payload is JSON null; a " + path.Kind + " message is a JSON object");
        }

        var rangeProblem = _validator.Validate(wire);
        if (rangeProblem is not null)
        {
            return rangeProblem;
        }

        // A copy: the caller's buffer (an MQTT client's receive buffer) may be reused once TryDecode returns.
        message = new DecodedNodeMessage(path, wire) { PayloadUtf8 = payload.ToArray() };
        return null;
    }

    private static JsonTypeInfo? TypeInfoFor(string kind) => kind switch
    {
        MessageKind.Birth => NodeMessageJsonContext.Default.BirthWire,
        MessageKind.Death => NodeMessageJsonContext.Default.DeathWire,
        MessageKind.Telemetry => NodeMessageJsonContext.Default.TelemetryWire,
        MessageKind.Alarm => NodeMessageJsonContext.Default.AlarmWire,
        MessageKind.Status => NodeMessageJsonContext.Default.StatusWire,
        MessageKind.ConfigAck => NodeMessageJsonContext.Default.ConfigAckWire,
        _ => null,
    };

    /// <summary>
    /// One pass of the reader over the whole payload: proves it is one well-formed JSON object within the depth limit
    /// with readable strings, and picks out the top-level <c>schema</c>, <c>kind</c> and <c>node</c> so they are checked
    /// before the rest of the message (a message of another version or for another node says so, not "unknown field").
    /// </summary>
    private static NodeMessageHeaderScan ScanHeader(ReadOnlySpan<byte> payload)
    {
        var scan = new NodeMessageHeaderScan();
        var reader = new Utf8JsonReader(payload, ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                scan.Problem = new RejectReason(RejectCode.MalformedJson, "payload holds no JSON value");
                return scan;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                scan.Problem = new RejectReason(RejectCode.WrongType, "payload is a JSON " + Describe(reader.TokenType) + "; a node message is a JSON object");
                return scan;
            }

            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    // Escapes are checked for syntax by Read, but a lone surrogate (\ud800) only fails when unescaped.
                    _ = reader.GetString();
                }

                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

                var field = reader.ValueTextEquals(WireFieldNames.Schema) ? 1 : reader.ValueTextEquals(WireFieldNames.Kind) ? 2 : reader.ValueTextEquals(WireFieldNames.Node) ? 3 : 0;
                if (!reader.Read())
                {
                    break;
                }

                if (reader.TokenType is JsonTokenType.String && reader.ValueIsEscaped)
                {
                    _ = reader.GetString();
                }

                switch (field)
                {
                    case 1 when !scan.HasSchema:
                        scan.HasSchema = true;
                        scan.SchemaToken = reader.TokenType;
                        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var schema))
                        {
                            scan.Schema = schema;
                            scan.SchemaIsInteger = true;
                        }

                        break;
                    case 2 when !scan.HasKind:
                        scan.HasKind = true;
                        scan.KindToken = reader.TokenType;
                        scan.Kind = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        break;
                    case 3 when !scan.HasNode:
                        scan.HasNode = true;
                        scan.NodeToken = reader.TokenType;
                        scan.Node = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        break;
                }
            }

            // Read returned false: the object is complete and only whitespace may follow, else it threw.
            if (reader.BytesConsumed != payload.Length && !IsWhitespace(payload[(int)reader.BytesConsumed..]))
            {
                scan.Problem = new RejectReason(RejectCode.MalformedJson, "unexpected data after the JSON object at byte " + reader.BytesConsumed);
            }
        }
        catch (JsonException exception)
        {
            scan.Problem = new RejectReason(RejectCode.MalformedJson, "payload is not well-formed JSON: " + exception.Message);
        }
        catch (InvalidOperationException exception)
        {
            scan.Problem = new RejectReason(RejectCode.MalformedJson, "payload has a string that is not valid text (e.g. a lone surrogate escape): " + exception.Message);
        }

        return scan;
    }

    private static RejectReason? CheckHeader(NodeMessageHeaderScan header, TopicPath path)
    {
        if (!header.HasSchema)
        {
            return new RejectReason(RejectCode.MissingField, "field 'schema' is missing; expected " + Contracts.SchemaVersion.Current);
        }

        if (header.SchemaToken != JsonTokenType.Number)
        {
            return new RejectReason(RejectCode.WrongType, "field 'schema' is a JSON " + Describe(header.SchemaToken) + ", expected the integer " + Contracts.SchemaVersion.Current);
        }

        if (!header.SchemaIsInteger || header.Schema != Contracts.SchemaVersion.Current)
        {
            return new RejectReason(RejectCode.SchemaVersion, "field 'schema' is not " + Contracts.SchemaVersion.Current + ", the only wire contract version this cloud reads");
        }

        if (!header.HasKind)
        {
            return new RejectReason(RejectCode.MissingField, "field 'kind' is missing; expected '" + path.Kind + "' (the topic's kind)");
        }

        if (header.KindToken != JsonTokenType.String)
        {
            return new RejectReason(RejectCode.WrongType, "field 'kind' is a JSON " + Describe(header.KindToken) + ", expected the string '" + path.Kind + "'");
        }

        if (!string.Equals(header.Kind, path.Kind, StringComparison.Ordinal))
        {
            return new RejectReason(RejectCode.KindMismatch, "field 'kind' is '" + Printable(header.Kind) + "' but the topic's kind is '" + path.Kind + "'");
        }

        if (!header.HasNode)
        {
            return new RejectReason(RejectCode.MissingField, "field 'node' is missing; expected '" + path.Node + "' (the topic's node id)");
        }

        if (header.NodeToken != JsonTokenType.String)
        {
            return new RejectReason(RejectCode.WrongType, "field 'node' is a JSON " + Describe(header.NodeToken) + ", expected the string '" + path.Node + "'");
        }

        if (!string.Equals(header.Node, path.Node, StringComparison.Ordinal))
        {
            return new RejectReason(RejectCode.NodeMismatch, "field 'node' is '" + Printable(header.Node) + "' but the topic's node id is '" + path.Node + "': a node may publish only as itself");
        }

        return null;
    }

    /// <summary>
    /// Turns a serializer failure into a code. The header scan already proved the syntax, so what is left is the shape:
    /// System.Text.Json reports these only as <see cref="JsonException"/> with a path and a message, which is matched here.
    /// </summary>
    private static RejectReason Classify(JsonException exception, string kind)
    {
        var where = string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path;
        var text = exception.Message;
        if (text.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return new RejectReason(RejectCode.UnknownField, "field at " + where + " is not part of the " + kind + " schema (" + text + ")");
        }

        if (text.Contains("uplicate", StringComparison.Ordinal))
        {
            return new RejectReason(RejectCode.DuplicateField, "field at " + where + " appears twice in one object (" + text + ")");
        }

        if (text.Contains("missing required properties", StringComparison.Ordinal))
        {
            return new RejectReason(RejectCode.MissingField, "a required field is missing in " + where + " (" + text + ")");
        }

        return new RejectReason(RejectCode.WrongType, "field at " + where + " has the wrong JSON type for the " + kind + " schema (" + text + ")");
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static bool IsWhitespace(ReadOnlySpan<byte> rest)
    {
        foreach (var b in rest)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    private static int FirstInvalidUtf8Offset(ReadOnlySpan<byte> payload)
    {
        var status = System.Text.Rune.DecodeFromUtf8(payload, out _, out var consumed);
        var offset = 0;
        while (status == System.Buffers.OperationStatus.Done && offset < payload.Length)
        {
            offset += consumed;
            if (offset >= payload.Length)
            {
                break;
            }

            status = System.Text.Rune.DecodeFromUtf8(payload[offset..], out _, out consumed);
        }

        return offset;
    }

    /// <summary>At most 80 characters of untrusted text with control characters replaced, for reason sentences.</summary>
    internal static string Printable(string? text)
    {
        if (text is null)
        {
            return "(null)";
        }

        var shortened = text.Length > 80 ? text[..80] + "…" : text;
        var chars = shortened.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = '?';
            }
        }

        return new string(chars);
    }
}
