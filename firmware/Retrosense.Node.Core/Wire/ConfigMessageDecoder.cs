using System.Collections;
using Retrosense.Contracts;
using Retrosense.Node.Configuration;
using Retrosense.Node.Thresholds;

namespace Retrosense.Node.Wire
{
    /// <summary>
    /// Builds a <see cref="NodeConfig"/> from a <c>config</c> message: <see cref="NodeConfig.CreateDefault"/> plus the
    /// fields present. Only <c>schema</c>, <c>kind</c> and <c>config_version</c> are required. Anything unexpected is
    /// rejected with a reason (unknown or duplicate fields, wrong types, unknown channel/axis/foundation names, malformed
    /// JSON) so that a typo never silently leaves a default in force. Ranges and consistency (power of two, bands inside
    /// Nyquist, warning below alarm) are NodeConfigValidator's job, not this decoder's.
    /// <para>Defaults worth knowing: without <c>zone_limits_mm_s</c> the zone boundaries follow the ISO 10816-3 table for
    /// the decoded machine group and foundation; <c>deadbands</c> overrides only the channels it names; in a limit,
    /// <c>axis</c> defaults to max, <c>hysteresis</c> to 0, <c>confirm</c> to 1 and <c>below</c> to false; <c>bearing</c>
    /// may be null (geometry unknown).</para>
    /// Allocates (strings, arrays); config messages are rare.
    /// </summary>
    public static class ConfigMessageDecoder
    {
        /// <summary>Root object, limits array, limit object: 3; the rest is headroom for a clear error.</summary>
        private const int MaxDepth = 4;

        public static bool TryDecode(byte[] payload, int length, out NodeConfig? config, out string reason)
        {
            config = null;

            // Syntax first, over the whole message: malformed JSON (truncation, nesting, stray bytes) is reported as
            // such even when a field before the damage would also be wrong.
            var syntax = new JsonTokenReader(payload, length, MaxDepth);
            while (syntax.Read())
            {
            }

            if (syntax.Error != null)
            {
                reason = Malformed(syntax, "invalid JSON");
                return false;
            }

            var reader = new JsonTokenReader(payload, length, MaxDepth);
            var result = NodeConfig.CreateDefault();
            var seen = new ArrayList();
            var hasZoneLimits = false;
            string? error = null;

            if (!reader.Read())
            {
                reason = Malformed(reader, "empty message");
                return false;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reason = "a config message must be a JSON object";
                return false;
            }

            while (error == null)
            {
                if (!reader.Read())
                {
                    reason = Malformed(reader, "object not closed");
                    return false;
                }

                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var name = reader.StringValue;
                if (seen.Contains(name))
                {
                    reason = "duplicate field '" + name + "'";
                    return false;
                }

                seen.Add(name);
                if (name == WireFieldNames.ZoneLimitsMmPerSecond)
                {
                    hasZoneLimits = true;
                }

                error = ReadField(reader, name, result);
            }

            if (error != null)
            {
                reason = error;
                return false;
            }

            if (reader.Read() || reader.Error != null)
            {
                reason = Malformed(reader, "unexpected data after the end of the document");
                return false;
            }

            if (!seen.Contains(WireFieldNames.Schema))
            {
                reason = "missing field 'schema'";
                return false;
            }

            if (!seen.Contains(WireFieldNames.Kind))
            {
                reason = "missing field 'kind'";
                return false;
            }

            if (!seen.Contains(WireFieldNames.ConfigVersion))
            {
                reason = "missing field 'config_version'";
                return false;
            }

            if (!hasZoneLimits)
            {
                IsoZoneBoundaries.Fill(result.MachineGroup, result.Foundation, result.ZoneBoundariesMmPerSecond);
            }

            config = result;
            reason = string.Empty;
            return true;
        }

        /// <summary>Reads the value of one root field into <paramref name="config"/>; returns null or the reason it failed.</summary>
        private static string? ReadField(JsonTokenReader reader, string name, NodeConfig config)
        {
            long integer;
            float number;
            string? text;
            string? error;
            switch (name)
            {
                case WireFieldNames.Schema:
                    error = ReadInteger(reader, name, out integer);
                    if (error == null && integer != SchemaVersion.Current)
                    {
                        error = "schema version " + integer + " is not supported (this node reads " + SchemaVersion.Current + ")";
                    }

                    return error;

                case WireFieldNames.Kind:
                    error = ReadString(reader, name, out text);
                    if (error == null && text != MessageKind.Config)
                    {
                        error = "kind '" + text + "' is not a config message (expected '" + MessageKind.Config + "')";
                    }

                    return error;

                case WireFieldNames.ConfigVersion:
                    error = ReadInteger(reader, name, out integer);
                    config.ConfigVersion = (int)integer;
                    return error;

                case WireFieldNames.SampleRateHz:
                    error = ReadNumber(reader, name, out number);
                    config.SampleRateHz = number;
                    return error;

                case WireFieldNames.WindowSamples:
                    error = ReadInteger(reader, name, out integer);
                    config.WindowSamples = (int)integer;
                    return error;

                case WireFieldNames.MachineGroup:
                    error = ReadInteger(reader, name, out integer);
                    if (error == null && integer != 1 && integer != 2)
                    {
                        error = "field 'machine_group' must be 1 or 2 (ISO 10816-3 group), not " + integer;
                    }

                    config.MachineGroup = integer == 1 ? MachineGroup.Group1 : MachineGroup.Group2;
                    return error;

                case WireFieldNames.Foundation:
                    error = ReadString(reader, name, out text);
                    if (error != null)
                    {
                        return error;
                    }

                    Foundation foundation;
                    if (!WireNames.TryParseFoundation(text!, out foundation))
                    {
                        return "unknown foundation '" + text + "' (expected 'rigid' or 'flexible')";
                    }

                    config.Foundation = foundation;
                    return null;

                case WireFieldNames.ShaftRpm:
                    error = ReadNumber(reader, name, out number);
                    config.ShaftSpeedRpm = number;
                    return error;

                case WireFieldNames.VelocityBandHz:
                    {
                        var pair = new float[2];
                        error = ReadNumberArray(reader, name, pair);
                        config.VelocityBandLowHz = pair[0];
                        config.VelocityBandHighHz = pair[1];
                        return error;
                    }

                case WireFieldNames.EnvelopeBandHz:
                    {
                        var pair = new float[2];
                        error = ReadNumberArray(reader, name, pair);
                        config.EnvelopeBandLowHz = pair[0];
                        config.EnvelopeBandHighHz = pair[1];
                        return error;
                    }

                case WireFieldNames.ZoneLimitsMmPerSecond:
                    {
                        var limits = new float[3];
                        error = ReadNumberArray(reader, name, limits);
                        config.ZoneBoundariesMmPerSecond = limits;
                        return error;
                    }

                case WireFieldNames.Bands:
                    return ReadBands(reader, config);

                case WireFieldNames.Bearing:
                    return ReadBearing(reader, config);

                case WireFieldNames.Limits:
                    return ReadLimits(reader, config);

                case WireFieldNames.Deadbands:
                    return ReadDeadbands(reader, config);

                case WireFieldNames.HeartbeatSeconds:
                    error = ReadInteger(reader, name, out integer);
                    config.HeartbeatSeconds = (int)integer;
                    return error;

                case WireFieldNames.StatusIntervalSeconds:
                    error = ReadInteger(reader, name, out integer);
                    config.StatusIntervalSeconds = (int)integer;
                    return error;

                case WireFieldNames.EnvironmentSampleSeconds:
                    error = ReadInteger(reader, name, out integer);
                    config.EnvironmentSampleSeconds = (int)integer;
                    return error;

                default:
                    return "unknown field '" + name + "'";
            }
        }

        private static string? ReadBands(JsonTokenReader reader, NodeConfig config)
        {
            if (!reader.Read())
            {
                return Malformed(reader, "value missing");
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return "field 'bands' must be an array of {name, low_hz, high_hz} objects";
            }

            var bands = new ArrayList();
            while (true)
            {
                if (!reader.Read())
                {
                    return Malformed(reader, "array not closed");
                }

                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    break;
                }

                var path = "bands[" + bands.Count + "]";
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return "'" + path + "' must be an object {name, low_hz, high_hz}";
                }

                string? bandName = null;
                var low = 0f;
                var high = 0f;
                var hasLow = false;
                var hasHigh = false;
                while (true)
                {
                    if (!reader.Read())
                    {
                        return Malformed(reader, "object not closed");
                    }

                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        break;
                    }

                    var field = reader.StringValue;
                    var fieldPath = path + "." + field;
                    string? error;
                    if (field == WireFieldNames.Name)
                    {
                        error = ReadString(reader, fieldPath, out bandName);
                    }
                    else if (field == WireFieldNames.LowHz)
                    {
                        error = ReadNumber(reader, fieldPath, out low);
                        hasLow = true;
                    }
                    else if (field == WireFieldNames.HighHz)
                    {
                        error = ReadNumber(reader, fieldPath, out high);
                        hasHigh = true;
                    }
                    else
                    {
                        error = "unknown field '" + fieldPath + "'";
                    }

                    if (error != null)
                    {
                        return error;
                    }
                }

                if (bandName == null || !hasLow || !hasHigh)
                {
                    return "'" + path + "' needs name, low_hz and high_hz";
                }

                bands.Add(new FrequencyBand(bandName, low, high));
            }

            var result = new FrequencyBand[bands.Count];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = (FrequencyBand)bands[i]!;
            }

            config.Bands = result;
            return null;
        }

        private static string? ReadBearing(JsonTokenReader reader, NodeConfig config)
        {
            if (!reader.Read())
            {
                return Malformed(reader, "value missing");
            }

            if (reader.TokenType == JsonTokenType.Null)
            {
                config.Bearing = null;
                return null;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return "field 'bearing' must be an object or null";
            }

            long elements = 0;
            var elementDiameter = 0f;
            var pitchDiameter = 0f;
            var contactAngle = 0f;
            var found = 0;
            while (true)
            {
                if (!reader.Read())
                {
                    return Malformed(reader, "object not closed");
                }

                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var field = reader.StringValue;
                var fieldPath = "bearing." + field;
                string? error;
                if (field == WireFieldNames.Elements)
                {
                    error = ReadInteger(reader, fieldPath, out elements);
                }
                else if (field == WireFieldNames.ElementDiameterMm)
                {
                    error = ReadNumber(reader, fieldPath, out elementDiameter);
                }
                else if (field == WireFieldNames.PitchDiameterMm)
                {
                    error = ReadNumber(reader, fieldPath, out pitchDiameter);
                }
                else if (field == WireFieldNames.ContactAngleDegrees)
                {
                    error = ReadNumber(reader, fieldPath, out contactAngle);
                }
                else
                {
                    error = "unknown field '" + fieldPath + "'";
                }

                if (error != null)
                {
                    return error;
                }

                found++;
            }

            if (found != 4)
            {
                return "'bearing' needs elements, element_diameter_mm, pitch_diameter_mm and contact_angle_deg, each once";
            }

            config.Bearing = new BearingGeometry((int)elements, elementDiameter, pitchDiameter, contactAngle);
            return null;
        }

        private static string? ReadLimits(JsonTokenReader reader, NodeConfig config)
        {
            if (!reader.Read())
            {
                return Malformed(reader, "value missing");
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return "field 'limits' must be an array of limit objects";
            }

            var limits = new ArrayList();
            while (true)
            {
                if (!reader.Read())
                {
                    return Malformed(reader, "array not closed");
                }

                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    break;
                }

                var path = "limits[" + limits.Count + "]";
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return "'" + path + "' must be an object";
                }

                var channel = FeatureChannel.RmsG;
                var axis = AxisSelector.Max;
                var warning = 0f;
                var alarm = 0f;
                var hysteresis = 0f;
                long confirm = 1;
                var below = false;
                var hasChannel = false;
                var hasWarning = false;
                var hasAlarm = false;
                while (true)
                {
                    if (!reader.Read())
                    {
                        return Malformed(reader, "object not closed");
                    }

                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        break;
                    }

                    var field = reader.StringValue;
                    var fieldPath = path + "." + field;
                    string? error = null;
                    string? text;
                    switch (field)
                    {
                        case WireFieldNames.Channel:
                            error = ReadString(reader, fieldPath, out text);
                            if (error == null && !WireNames.TryParseChannel(text!, out channel))
                            {
                                error = "unknown channel '" + text + "' in " + path;
                            }

                            hasChannel = true;
                            break;
                        case WireFieldNames.Axis:
                            error = ReadString(reader, fieldPath, out text);
                            if (error == null && !WireNames.TryParseAxis(text!, out axis))
                            {
                                error = "unknown axis '" + text + "' in " + path + " (expected max, x, y or z)";
                            }

                            break;
                        case WireFieldNames.Warning:
                            error = ReadNumber(reader, fieldPath, out warning);
                            hasWarning = true;
                            break;
                        case WireFieldNames.AlarmLevel:
                            error = ReadNumber(reader, fieldPath, out alarm);
                            hasAlarm = true;
                            break;
                        case WireFieldNames.Hysteresis:
                            error = ReadNumber(reader, fieldPath, out hysteresis);
                            break;
                        case WireFieldNames.Confirm:
                            error = ReadInteger(reader, fieldPath, out confirm);
                            break;
                        case WireFieldNames.Below:
                            error = ReadBoolean(reader, fieldPath, out below);
                            break;
                        default:
                            error = "unknown field '" + fieldPath + "'";
                            break;
                    }

                    if (error != null)
                    {
                        return error;
                    }
                }

                if (!hasChannel || !hasWarning || !hasAlarm)
                {
                    return "'" + path + "' needs channel, warning and alarm";
                }

                limits.Add(new LimitRule(channel, axis, warning, alarm, hysteresis, (int)confirm, below));
            }

            var result = new LimitRule[limits.Count];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = (LimitRule)limits[i]!;
            }

            config.Limits = result;
            return null;
        }

        private static string? ReadDeadbands(JsonTokenReader reader, NodeConfig config)
        {
            if (!reader.Read())
            {
                return Malformed(reader, "value missing");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return "field 'deadbands' must be an object of channel name → number";
            }

            while (true)
            {
                if (!reader.Read())
                {
                    return Malformed(reader, "object not closed");
                }

                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    return null;
                }

                var channelName = reader.StringValue;
                FeatureChannel channel;
                if (!WireNames.TryParseChannel(channelName, out channel))
                {
                    return "unknown channel '" + channelName + "' in deadbands";
                }

                float value;
                var error = ReadNumber(reader, "deadbands." + channelName, out value);
                if (error != null)
                {
                    return error;
                }

                config.Deadbands[(int)channel] = value;
            }
        }

        private static string? ReadInteger(JsonTokenReader reader, string path, out long value)
        {
            value = 0;
            if (!reader.Read())
            {
                return Malformed(reader, "value missing");
            }

            if (reader.TokenType != JsonTokenType.Number || !reader.IsInteger)
            {
                return "field '" + path + "' must be an integer";
            }

            if (reader.LongValue > int.MaxValue || reader.LongValue < int.MinValue)
            {
                return "field '" + path + "' is out of range for a 32-bit integer";
            }

            value = reader.LongValue;
            return null;
        }

        private static string? ReadNumber(JsonTokenReader reader, string path, out float value)
        {
            value = 0f;
            if (!reader.Read())
            {
                return Malformed(reader, "value missing");
            }

            if (reader.TokenType != JsonTokenType.Number)
            {
                return "field '" + path + "' must be a number";
            }

            value = reader.FloatValue;
            return null;
        }

        private static string? ReadString(JsonTokenReader reader, string path, out string? value)
        {
            value = null;
            if (!reader.Read())
            {
                return Malformed(reader, "value missing");
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                return "field '" + path + "' must be a string";
            }

            value = reader.StringValue;
            return null;
        }

        private static string? ReadBoolean(JsonTokenReader reader, string path, out bool value)
        {
            value = false;
            if (!reader.Read())
            {
                return Malformed(reader, "value missing");
            }

            if (reader.TokenType != JsonTokenType.True && reader.TokenType != JsonTokenType.False)
            {
                return "field '" + path + "' must be true or false";
            }

            value = reader.TokenType == JsonTokenType.True;
            return null;
        }

        /// <summary>Reads an array of exactly <c>values.Length</c> numbers.</summary>
        private static string? ReadNumberArray(JsonTokenReader reader, string path, float[] values)
        {
            var shape = "field '" + path + "' must be an array of " + values.Length + " numbers";
            if (!reader.Read())
            {
                return Malformed(reader, "value missing");
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return shape;
            }

            var count = 0;
            while (true)
            {
                if (!reader.Read())
                {
                    return Malformed(reader, "array not closed");
                }

                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    break;
                }

                if (reader.TokenType != JsonTokenType.Number || count == values.Length)
                {
                    return shape;
                }

                values[count++] = reader.FloatValue;
            }

            return count == values.Length ? null : shape;
        }

        private static string Malformed(JsonTokenReader reader, string fallback)
        {
            return "malformed JSON: " + (reader.Error ?? fallback);
        }
    }
}
