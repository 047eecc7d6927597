namespace Retrosense.Server.Tests.Hostile;

/// <summary>The kinds of bad input the issue lists; the generator cycles through them.</summary>
public enum HostilePayloadKind
{
    /// <summary>A valid message cut short (0 bytes up to one byte short).</summary>
    TruncatedJson,

    /// <summary>One field's value replaced by a value of another JSON kind.</summary>
    WrongType,

    /// <summary>NaN, Infinity or -Infinity where a number goes (not JSON, but what a careless encoder writes).</summary>
    NonFiniteNumber,

    /// <summary>A field's value, or an extra field, that is a string of 1,000 to 14,000 characters (still under the size limit).</summary>
    HugeString,

    /// <summary>A field's value nested 17 to 3,000 arrays or objects deep (the decoder allows 16).</summary>
    DeepNesting,

    /// <summary>Bytes that are not UTF-8 inside a string value or at a random place.</summary>
    InvalidUtf8,

    /// <summary>A payload over the decoder's 16 KiB limit (16 KiB + 1 byte to 64 KiB).</summary>
    Oversize,

    /// <summary>A valid message on a topic the identity may not publish to: another node, tenant, site or asset, or no Retrosense topic at all.</summary>
    ForeignTopic,
}
