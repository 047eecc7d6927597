using System;
using System.Collections.Generic;
using Retrosense.Contracts;
using Retrosense.Platform.Ingestion.Wire;

namespace Retrosense.Platform.Ingestion;

/// <summary>
/// The range, enum and length rules of shared/schemas that typing alone does not enforce, plus the cloud's own
/// sanity bound on time (a timestamp more than a day ahead of the cloud's clock is a broken clock, not the future).
/// </summary>
internal sealed class NodeMessageValidator
{
    /// <summary>2020-01-01T00:00:00Z in Unix ms: header.schema.json <c>ts.minimum</c>.</summary>
    public const long EarliestTimestampUnixMilliseconds = 1_577_836_800_000;

    /// <summary>2100-01-01T00:00:00Z in Unix ms: header.schema.json <c>ts.maximum</c>.</summary>
    public const long SchemaLatestTimestampUnixMilliseconds = 4_102_444_800_000;

    /// <summary>How far ahead of the cloud's clock a <c>ts</c> may be (clock skew plus time zones gone wrong).</summary>
    public static readonly TimeSpan MaxClockLead = TimeSpan.FromDays(1);

    private static readonly HashSet<string> Channels = new(StringComparer.Ordinal)
    {
        WireFieldNames.RmsG, WireFieldNames.PeakG, WireFieldNames.PeakToPeakG, WireFieldNames.Crest, WireFieldNames.Kurtosis,
        WireFieldNames.Skewness, WireFieldNames.VelocityRmsMmPerSecond, WireFieldNames.DominantHz, WireFieldNames.EnvelopeRmsG,
        WireFieldNames.TemperatureCelsius, WireFieldNames.RelativeHumidityPercent, WireFieldNames.PressureHectopascals,
    };

    private static readonly HashSet<string> Axes = new(StringComparer.Ordinal) { "max", "x", "y", "z" };

    private readonly TimeProvider _timeProvider;

    public NodeMessageValidator(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <summary>Null when the message keeps every rule, else the first broken one.</summary>
    public RejectReason? Validate(NodeMessageWire message)
    {
        return ValidateHeader(message) ?? message switch
        {
            BirthWire birth => ValidateBirth(birth),
            DeathWire => null,
            TelemetryWire telemetry => ValidateTelemetry(telemetry),
            AlarmWire alarm => ValidateAlarm(alarm.Alarm),
            StatusWire status => ValidateStatus(status),
            ConfigAckWire ack => ValidateConfigAck(ack),
            _ => new RejectReason(RejectCode.Internal, "no validation rules for " + message.GetType().Name),
        };
    }

    private RejectReason? ValidateHeader(NodeMessageWire message)
    {
        var latest = Math.Min(SchemaLatestTimestampUnixMilliseconds, _timeProvider.GetUtcNow().Add(MaxClockLead).ToUnixTimeMilliseconds());
        return AtLeast("boot", message.Boot, 0)
            ?? AtLeast("seq", message.Seq, 0)
            ?? (message.TimestampUnixMilliseconds < EarliestTimestampUnixMilliseconds
                ? OutOfRange("ts", message.TimestampUnixMilliseconds + " is before 2020-01-01T00:00:00Z (" + EarliestTimestampUnixMilliseconds + ")")
                : message.TimestampUnixMilliseconds > latest
                    ? OutOfRange("ts", message.TimestampUnixMilliseconds + " is more than " + MaxClockLead.TotalHours + " h ahead of the cloud's clock (latest accepted " + latest + ")")
                    : null)
            ?? OneOf("time_quality", message.TimeQuality, TimeQuality.Synced, TimeQuality.Unsynced)
            ?? Length("fw", message.Firmware, 1, 32);
    }

    private static RejectReason? ValidateBirth(BirthWire birth)
    {
        if (birth.Board.Length is < 1 or > 32 || !IsBoardName(birth.Board))
        {
            return OutOfRange("board", "'" + NodeMessageDecoder.Printable(birth.Board) + "' is not 1-32 characters of a-z 0-9 . _ -");
        }

        return ConfigVersion("config_version", birth.ConfigVersion)
            ?? Positive("sample_rate_hz", birth.SampleRateHz)
            ?? AtLeast("window_samples", birth.WindowSamples, 1);
    }

    private static RejectReason? ValidateTelemetry(TelemetryWire telemetry)
    {
        var problem = ConfigVersion("config_version", telemetry.ConfigVersion)
            ?? Positive("window.rate_hz", telemetry.Window.RateHz)
            ?? AtLeast("window.samples", telemetry.Window.Samples, 1)
            ?? Zone("zone", telemetry.Zone)
            ?? Finite("vel_rms_max_mm_s", telemetry.VelocityRmsMaxMmPerSecond)
            ?? Axis("axes.x", telemetry.Axes.X)
            ?? Axis("axes.y", telemetry.Axes.Y)
            ?? Axis("axes.z", telemetry.Axes.Z);
        if (problem is not null || telemetry.Environment is not { } environment)
        {
            return problem;
        }

        if (environment.TemperatureCelsius is null && environment.RelativeHumidityPercent is null && environment.PressureHectopascals is null)
        {
            return OutOfRange("env", "has no channel; the node omits env when no channel has readings");
        }

        return Summary("env.temp_c", environment.TemperatureCelsius)
            ?? Summary("env.rh_pct", environment.RelativeHumidityPercent)
            ?? Summary("env.pressure_hpa", environment.PressureHectopascals);
    }

    private static RejectReason? Axis(string path, AxisFeaturesWire axis)
    {
        var problem = Finite(path, ".rms_g", axis.RmsG)
            ?? Finite(path, ".peak_g", axis.PeakG)
            ?? Finite(path, ".p2p_g", axis.PeakToPeakG)
            ?? Finite(path, ".crest", axis.CrestFactor)
            ?? Finite(path, ".kurtosis", axis.Kurtosis)
            ?? Finite(path, ".skewness", axis.Skewness)
            ?? Finite(path, ".vel_rms_mm_s", axis.VelocityRmsMmPerSecond)
            ?? Finite(path, ".dominant_hz", axis.DominantFrequencyHz)
            ?? Finite(path, ".env_rms_g", axis.EnvelopeRmsG)
            ?? Finite(path, ".env_bpfo_g", axis.EnvelopeBpfoG)
            ?? Finite(path, ".env_bpfi_g", axis.EnvelopeBpfiG)
            ?? Finite(path, ".env_bsf_g", axis.EnvelopeBsfG)
            ?? Finite(path, ".env_ftf_g", axis.EnvelopeFtfG);
        if (problem is not null || axis.BandsG is not { } bands)
        {
            return problem;
        }

        if (bands.Count == 0)
        {
            return OutOfRange(path + ".bands_g", "is empty; the node omits bands_g when no bands are configured");
        }

        foreach (var (name, value) in bands)
        {
            if (name.Length is < 1 or > 32)
            {
                return OutOfRange(path + ".bands_g", "has a band name of " + name.Length + " characters, 1-32 allowed");
            }

            problem = Finite(path, ".bands_g.", name, value);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static RejectReason? Summary(string path, ChannelSummaryWire? summary)
    {
        return summary is null
            ? null
            : Finite(path, ".mean", summary.Mean) ?? Finite(path, ".min", summary.Min) ?? Finite(path, ".max", summary.Max);
    }

    private static RejectReason? ValidateAlarm(AlarmDetailWire alarm)
    {
        var problem = OneOf("alarm.source", alarm.Source, "limit", "zone", "node")
            ?? (Channels.Contains(alarm.Channel) ? null : OutOfRange("alarm.channel", "'" + NodeMessageDecoder.Printable(alarm.Channel) + "' is not a channel name (rms_g, peak_g, p2p_g, crest, kurtosis, skewness, vel_rms_mm_s, dominant_hz, env_rms_g, temp_c, rh_pct, pressure_hpa)"))
            ?? (Axes.Contains(alarm.Axis) ? null : OutOfRange("alarm.axis", "'" + NodeMessageDecoder.Printable(alarm.Axis) + "' is not one of max, x, y, z"))
            ?? OneOf("alarm.severity", alarm.Severity, "warning", "alarm")
            ?? OneOf("alarm.state", alarm.State, "raised", "cleared")
            ?? Finite("alarm.value", alarm.Value)
            ?? Finite("alarm.threshold", alarm.Threshold);
        if (problem is not null)
        {
            return problem;
        }

        if (alarm.Source == "zone")
        {
            if (alarm.Zone is null)
            {
                return new RejectReason(RejectCode.MissingField, "field 'alarm.zone' is missing; a zone alarm names the new zone");
            }

            if (alarm.PreviousZone is null)
            {
                return new RejectReason(RejectCode.MissingField, "field 'alarm.previous_zone' is missing; a zone alarm names the zone before");
            }

            return Zone("alarm.zone", alarm.Zone)
                ?? Zone("alarm.previous_zone", alarm.PreviousZone)
                ?? (alarm.Channel == WireFieldNames.VelocityRmsMmPerSecond ? null : OutOfRange("alarm.channel", "is '" + alarm.Channel + "' but a zone alarm is always on vel_rms_mm_s"));
        }

        if (alarm.Zone is not null || alarm.PreviousZone is not null)
        {
            return new RejectReason(RejectCode.UnknownField, "field 'alarm.zone'/'alarm.previous_zone' is present but only a zone alarm (source 'zone') has it, this one's source is '" + alarm.Source + "'");
        }

        return null;
    }

    private static RejectReason? ValidateStatus(StatusWire status)
    {
        return ConfigVersion("config_version", status.ConfigVersion)
            ?? AtLeast("uptime_s", status.UptimeSeconds, 0)
            ?? AtLeast("free_heap_bytes", status.FreeHeapBytes, 0)
            ?? (status.RssiDbm is < -150 or > 0 ? OutOfRange("rssi_dbm", status.RssiDbm + " dBm is outside -150..0") : null)
            ?? Length("reset_reason", status.ResetReason, 0, 64)
            ?? AtLeast("queue_depth", status.QueueDepth, 0)
            ?? AtLeast("queue_capacity", status.QueueCapacity, 0)
            ?? AtLeast("queue_dropped", status.QueueDropped, 0)
            ?? AtLeast("publish_failures", status.PublishFailures, 0);
    }

    private static RejectReason? ValidateConfigAck(ConfigAckWire ack)
    {
        var problem = ConfigVersion("config_version", ack.ConfigVersion);
        if (problem is not null)
        {
            return problem;
        }

        if (ack.Accepted)
        {
            return ack.Reason is null
                ? null
                : new RejectReason(RejectCode.UnknownField, "field 'reason' is present in an accepted config-ack; only a rejection has a reason");
        }

        return ack.Reason is null
            ? new RejectReason(RejectCode.MissingField, "field 'reason' is missing; a rejected config-ack says why")
            : Length("reason", ack.Reason, 0, 512);
    }

    private static bool IsBoardName(string board)
    {
        foreach (var c in board)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static RejectReason OutOfRange(string field, string problem) => new(RejectCode.OutOfRange, "field '" + field + "' " + problem);

    private static RejectReason? AtLeast(string field, long value, long minimum) =>
        value >= minimum ? null : OutOfRange(field, "is " + value + ", must be at least " + minimum);

    private static RejectReason? ConfigVersion(string field, long value) =>
        value is >= 0 and <= int.MaxValue ? null : OutOfRange(field, "is " + value + ", must be 0.." + int.MaxValue);

    private static RejectReason? Positive(string field, double value) =>
        double.IsFinite(value) && value > 0 ? null : OutOfRange(field, "is " + value + ", must be a finite number above 0");

    /// <summary>Null is the contract's "could not compute" (the node writes NaN as null); a value must be finite.</summary>
    private static RejectReason? Finite(string field, double? value) =>
        value is not { } number || double.IsFinite(number) ? null : OutOfRange(field, "is not a finite number");

    /// <summary>
    /// <see cref="Finite(string, double?)"/> for a field under <paramref name="path"/>: the name is joined only when the
    /// value fails, because every accepted telemetry message checks about 45 fields and joining each name up front was
    /// most of the decoder's allocations (measured 2026-11-27: 10.1 KB per golden telemetry message, half of it names).
    /// </summary>
    private static RejectReason? Finite(string path, string field, double? value) =>
        value is not { } number || double.IsFinite(number) ? null : OutOfRange(path + field, "is not a finite number");

    private static RejectReason? Finite(string path, string field, string name, double? value) =>
        value is not { } number || double.IsFinite(number) ? null : OutOfRange(path + field + name, "is not a finite number");

    private static RejectReason? Zone(string field, string value) => OneOf(field, value, "A", "B", "C", "D");

    private static RejectReason? Length(string field, string value, int minimum, int maximum) =>
        value.Length >= minimum && value.Length <= maximum
            ? null
            : OutOfRange(field, "is " + value.Length + " characters long, " + minimum + "-" + maximum + " allowed");

    // params ReadOnlySpan: no array per call on the accepting path (C# 13).
    private static RejectReason? OneOf(string field, string value, params ReadOnlySpan<string> allowed) =>
        allowed.IndexOf(value) >= 0
            ? null
            : OutOfRange(field, "is '" + NodeMessageDecoder.Printable(value) + "', expected one of " + string.Join(", ", allowed));
}
