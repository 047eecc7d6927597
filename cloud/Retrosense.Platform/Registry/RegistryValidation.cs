using System;
using System.Globalization;
using Retrosense.Contracts;

namespace Retrosense.Platform.Registry;

/// <summary>
/// Checks shared by the registry's types and stores; each failure is an <see cref="ArgumentException"/> whose message
/// names the field, the value and what is wrong, so the CLI can print it as its one error line.
/// </summary>
public static class RegistryValidation
{
    /// <summary>Longest display name, site or asset name, installer or axis orientation text.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Longest installation note.</summary>
    public const int MaxNotesLength = 4000;

    /// <summary>Longest firmware version string a node may report.</summary>
    public const int MaxFirmwareVersionLength = 64;

    /// <summary>Longest revocation reason.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>Hex digits of a SHA-256 hash (32 bytes).</summary>
    public const int Sha256HexLength = 64;

    /// <summary>RFC 5280 §4.1.2.2: a certificate serial number is at most 20 octets, so at most 40 hex digits.</summary>
    public const int MaxSerialNumberHexLength = 40;

    /// <summary>
    /// A tenant, site, asset or node id: the topic segment rule of <see cref="TopicPath.SegmentProblem"/>
    /// (1–64 of <c>A–Z a–z 0–9 . _ -</c>), because every id ends up as an MQTT topic level.
    /// </summary>
    public static string RequireId(string kind, string? id)
    {
        var problem = TopicPath.SegmentProblem(id);
        if (problem != null)
        {
            throw new ArgumentException($"{kind} id '{id}' {problem}", kind);
        }

        return id!;
    }

    /// <summary>A non-blank text of at most <paramref name="maxLength"/> characters, trimmed.</summary>
    public static string RequireText(string field, string? text, int maxLength = MaxNameLength)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new ArgumentException($"{field} is empty", field);
        }

        return CheckLength(field, trimmed, maxLength);
    }

    /// <summary>An optional text: null or blank becomes null, otherwise trimmed and length-checked.</summary>
    public static string? OptionalText(string field, string? text, int maxLength = MaxNameLength)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : CheckLength(field, trimmed, maxLength);
    }

    /// <summary>An IANA time zone id this machine knows (e.g. "Asia/Seoul").</summary>
    public static string RequireTimeZone(string? timeZoneId)
    {
        var id = RequireText("time zone", timeZoneId, 64);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
        {
            throw new ArgumentException($"time zone '{id}' is not a known IANA time zone id (e.g. Asia/Seoul)", "timeZone");
        }

        return id;
    }

    /// <summary>A SHA-256 certificate thumbprint: 64 hex digits, returned upper-case (as <c>GetCertHashString</c> writes it).</summary>
    public static string RequireSha256Thumbprint(string? thumbprint)
    {
        var text = thumbprint?.Trim() ?? string.Empty;
        if (text.Length != Sha256HexLength || !IsHex(text))
        {
            throw new ArgumentException($"certificate thumbprint '{thumbprint}' is not a SHA-256 hash ({Sha256HexLength} hex digits)", "certificateThumbprint");
        }

        return text.ToUpperInvariant();
    }

    /// <summary>A certificate serial number: 1–40 hex digits, returned upper-case.</summary>
    public static string RequireSerialNumber(string? serialNumber)
    {
        var text = serialNumber?.Trim() ?? string.Empty;
        if (text.Length == 0 || text.Length > MaxSerialNumberHexLength || !IsHex(text))
        {
            throw new ArgumentException($"certificate serial number '{serialNumber}' is not 1 to {MaxSerialNumberHexLength} hex digits", "certificateSerialNumber");
        }

        return text.ToUpperInvariant();
    }

    /// <summary>A config version as the node config carries it: zero or more.</summary>
    public static int RequireConfigVersion(int configVersion)
    {
        if (configVersion < 0)
        {
            throw new ArgumentException($"config version {configVersion.ToString(CultureInfo.InvariantCulture)} is negative", nameof(configVersion));
        }

        return configVersion;
    }

    /// <summary>The shaft speed, when known: a finite number above zero and at most 100,000 rpm.</summary>
    public static float? OptionalShaftSpeedRpm(float? shaftSpeedRpm)
    {
        if (shaftSpeedRpm is { } rpm && (!float.IsFinite(rpm) || rpm <= 0f || rpm > 100_000f))
        {
            throw new ArgumentException($"shaft speed {rpm.ToString(CultureInfo.InvariantCulture)} rpm is not in (0, 100000]", nameof(shaftSpeedRpm));
        }

        return shaftSpeedRpm;
    }

    /// <summary>An instant converted to UTC, so every store writes and returns UTC.</summary>
    public static DateTimeOffset ToUtc(DateTimeOffset instant) => instant.ToUniversalTime();

    private static string CheckLength(string field, string text, int maxLength)
    {
        if (text.Length > maxLength)
        {
            throw new ArgumentException($"{field} is {text.Length} characters long, at most {maxLength} allowed", field);
        }

        return text;
    }

    private static bool IsHex(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
