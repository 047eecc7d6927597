using System;
using System.Globalization;

namespace Retrosense.Server.Api;

/// <summary>
/// Reads query-string values with one clear line per mistake (<see cref="ApiRequestException"/>, answered 400). The
/// endpoints bind raw strings and parse them here, because the framework's own binding failures answer without saying
/// which value was wrong.
/// </summary>
internal static class ApiQuery
{
    /// <summary>An ISO 8601 instant, converted to UTC; a time without an offset is taken as UTC.</summary>
    public static DateTimeOffset RequireTime(string name, string? text) =>
        OptionalTime(name, text) ?? throw new ApiRequestException($"'{name}' is required: an ISO 8601 UTC time such as 2026-11-27T15:00:00Z");

    public static DateTimeOffset? OptionalTime(string name, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (TryParseTime(text, out var time))
        {
            return time;
        }

        // An unencoded '+' in a query string arrives as a space (application/x-www-form-urlencoded), so
        // "…T15:00:00+09:00" typed into a browser reads "…T15:00:00 09:00"; accept what was meant.
        if (text.Contains(' ', StringComparison.Ordinal) && TryParseTime(text.Replace(' ', '+'), out time))
        {
            return time;
        }

        throw new ApiRequestException($"'{name}' value '{Shorten(text)}' is not an ISO 8601 time such as 2026-11-27T15:00:00Z");
    }

    /// <summary>Checks from &lt; to and that the range is at most <paramref name="maximumRange"/>.</summary>
    public static void RequireRange(DateTimeOffset fromUtc, DateTimeOffset toUtc, TimeSpan maximumRange)
    {
        if (fromUtc >= toUtc)
        {
            throw new ApiRequestException($"'from' ({Format(fromUtc)}) must be before 'to' ({Format(toUtc)})");
        }

        if (toUtc - fromUtc > maximumRange)
        {
            throw new ApiRequestException(
                $"the range from {Format(fromUtc)} to {Format(toUtc)} is longer than the {maximumRange.TotalDays.ToString(CultureInfo.InvariantCulture)} days allowed here; ask for a shorter range or a coarser resolution");
        }
    }

    /// <summary>A limit in [1, <paramref name="maximum"/>]; <paramref name="defaultValue"/> when absent.</summary>
    public static int Limit(string? text, int defaultValue, int maximum)
    {
        if (text is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1 || limit > maximum)
        {
            throw new ApiRequestException($"'limit' value '{Shorten(text)}' is not a whole number from 1 to {maximum.ToString(CultureInfo.InvariantCulture)}");
        }

        return limit;
    }

    /// <summary><c>true</c> or <c>false</c>; false when absent.</summary>
    public static bool Flag(string name, string? text) => text switch
    {
        null => false,
        _ when string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) => true,
        _ when string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) => false,
        _ => throw new ApiRequestException($"'{name}' value '{Shorten(text)}' is not true or false"),
    };

    /// <summary>Quotes user input in an error without echoing a megabyte back.</summary>
    public static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…");

    private static bool TryParseTime(string text, out DateTimeOffset time)
    {
        // A digit first keeps out words and culture formats DateTimeOffset.TryParse would otherwise guess at.
        if (text.Length >= 10 && char.IsAsciiDigit(text[0]) && text[4] == '-'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time))
        {
            return true;
        }

        time = default;
        return false;
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
