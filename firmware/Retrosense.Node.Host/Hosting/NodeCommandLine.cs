using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Retrosense.Node.Host.Transport;

namespace Retrosense.Node.Host.Hosting;

/// <summary>Parses and checks the <c>retrosense-node</c> command line; every problem becomes one <see cref="NodeCommandLineException"/> line.</summary>
public static class NodeCommandLine
{
    public const string Usage = """
        usage: retrosense-node --broker mqtt[s]://HOST[:PORT] --tenant T --site S --asset A --node N
                               [--ca FILE] [--cert FILE --key FILE] [--data-dir DIR]
                               [--emulate model|replay:FILE] [--replay-rate HZ] [--replay-channel NAME]
                               [--seed N] [--time-scale X] [--i2c-bus N] [--bme280-address 0x76|0x77]
                               [--spi-bus N] [--spi-cs N] [--quiet]

        Runs one Retrosense sensor node. Without --emulate it reads an ADXL345 (SPI) and a BME280 (I2C) on this
        Linux gateway; --emulate model feeds emulated chips from a machine model, --emulate replay:FILE replays a
        recording (CSV or .mat, in g) as the X axis. Ctrl+C stops the node; the broker then publishes its death message.
        """;

    private static readonly HashSet<string> Switches = ["--quiet", "--help", "-h"];

    public static bool IsHelpRequested(IReadOnlyList<string> args) => args.Contains("--help") || args.Contains("-h");

    /// <exception cref="NodeCommandLineException">A flag is unknown, missing, repeated or has a bad value.</exception>
    public static NodeHostOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = ReadFlags(args);
        var broker = ParseBroker(Required(values, "--broker"));
        var node = Required(values, "--node");
        var ca = ExistingFile(values, "--ca");
        var cert = ExistingFile(values, "--cert");
        var key = ExistingFile(values, "--key");
        if ((cert is null) != (key is null))
        {
            throw new NodeCommandLineException("--cert and --key go together: the client certificate needs its private key");
        }

        var usesTls = string.Equals(broker.Scheme, "mqtts", StringComparison.OrdinalIgnoreCase);
        if (!usesTls && (ca is not null || cert is not null))
        {
            throw new NodeCommandLineException("--ca, --cert and --key need an mqtts:// broker URL");
        }

        var (emulation, replayPath) = ParseEmulation(Optional(values, "--emulate"));
        var timeScale = ParseDouble(values, "--time-scale", 1);
        if (!(timeScale > 0) || double.IsInfinity(timeScale))
        {
            throw new NodeCommandLineException("--time-scale must be a positive number, got " + values["--time-scale"]);
        }

        if (timeScale != 1 && emulation == SensorEmulation.None)
        {
            throw new NodeCommandLineException("--time-scale needs --emulate: real sensors run in real time");
        }

        var replayRate = ParseDouble(values, "--replay-rate", 12000);
        if (!(replayRate > 0) || double.IsInfinity(replayRate))
        {
            throw new NodeCommandLineException("--replay-rate must be a positive number of Hz");
        }

        var bmeAddress = ParseInt(values, "--bme280-address", 0x76);
        if (bmeAddress != 0x76 && bmeAddress != 0x77)
        {
            throw new NodeCommandLineException("--bme280-address must be 0x76 or 0x77");
        }

        return new NodeHostOptions
        {
            BrokerUri = broker,
            Tenant = Required(values, "--tenant"),
            Site = Required(values, "--site"),
            Asset = Required(values, "--asset"),
            NodeId = node,
            CaCertificatePath = ca,
            ClientCertificatePath = cert,
            ClientKeyPath = key,
            DataDirectory = Optional(values, "--data-dir") ?? Path.Combine("data", "node-" + node),
            Emulation = emulation,
            ReplayPath = replayPath,
            ReplayRateHz = replayRate,
            ReplayChannel = Optional(values, "--replay-channel"),
            Seed = ParseInt(values, "--seed", 1),
            TimeScale = timeScale,
            I2cBus = NonNegative(values, "--i2c-bus", 1),
            Bme280Address = bmeAddress,
            SpiBus = NonNegative(values, "--spi-bus", 0),
            SpiChipSelect = NonNegative(values, "--spi-cs", 0),
            Quiet = values.ContainsKey("--quiet"),
        };
    }

    private static readonly HashSet<string> ValueFlags =
    [
        "--broker", "--tenant", "--site", "--asset", "--node", "--ca", "--cert", "--key", "--data-dir", "--emulate",
        "--replay-rate", "--replay-channel", "--seed", "--time-scale", "--i2c-bus", "--bme280-address", "--spi-bus", "--spi-cs",
    ];

    private static Dictionary<string, string> ReadFlags(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string flag;
            string? value = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                flag = arg[..equals];
                value = arg[(equals + 1)..];
            }
            else
            {
                flag = arg;
            }

            if (Switches.Contains(flag))
            {
                values[flag] = "true";
                continue;
            }

            if (!ValueFlags.Contains(flag))
            {
                throw new NodeCommandLineException(flag.StartsWith('-') ? $"unknown flag {flag}" : $"unexpected argument '{flag}'");
            }

            if (value is null)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new NodeCommandLineException($"{flag} needs a value");
                }

                value = args[++i];
            }

            if (!values.TryAdd(flag, value))
            {
                throw new NodeCommandLineException($"{flag} is given twice");
            }
        }

        return values;
    }

    private static string Required(Dictionary<string, string> values, string flag)
    {
        var value = Optional(values, flag);
        return string.IsNullOrWhiteSpace(value) ? throw new NodeCommandLineException($"{flag} is required") : value;
    }

    private static string? Optional(Dictionary<string, string> values, string flag) => values.TryGetValue(flag, out var value) ? value : null;

    private static Uri ParseBroker(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !MqttNodeTransportOptions.IsSupportedScheme(uri.Scheme) || string.IsNullOrEmpty(uri.Host))
        {
            throw new NodeCommandLineException($"--broker must be mqtt://HOST[:PORT] or mqtts://HOST[:PORT], got '{text}'");
        }

        return uri;
    }

    private static string? ExistingFile(Dictionary<string, string> values, string flag)
    {
        var path = Optional(values, flag);
        if (path is not null && !File.Exists(path))
        {
            throw new NodeCommandLineException($"{flag} file '{path}' not found");
        }

        return path;
    }

    private static (SensorEmulation Emulation, string? ReplayPath) ParseEmulation(string? text)
    {
        if (text is null)
        {
            return (SensorEmulation.None, null);
        }

        if (string.Equals(text, "model", StringComparison.Ordinal))
        {
            return (SensorEmulation.Model, null);
        }

        const string replayPrefix = "replay:";
        if (text.StartsWith(replayPrefix, StringComparison.Ordinal))
        {
            var path = text[replayPrefix.Length..];
            if (!File.Exists(path))
            {
                throw new NodeCommandLineException($"--emulate replay file '{path}' not found");
            }

            return (SensorEmulation.Replay, path);
        }

        throw new NodeCommandLineException($"--emulate must be 'model' or 'replay:FILE', got '{text}'");
    }

    private static double ParseDouble(Dictionary<string, string> values, string flag, double fallback)
    {
        var text = Optional(values, flag);
        if (text is null)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new NodeCommandLineException($"{flag} must be a number, got '{text}'");
    }

    private static int ParseInt(Dictionary<string, string> values, string flag, int fallback)
    {
        var text = Optional(values, flag);
        if (text is null)
        {
            return fallback;
        }

        var isHex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        var parsed = isHex
            ? int.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value)
            : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
        return parsed ? value : throw new NodeCommandLineException($"{flag} must be an integer, got '{text}'");
    }

    private static int NonNegative(Dictionary<string, string> values, string flag, int fallback)
    {
        var value = ParseInt(values, flag, fallback);
        return value >= 0 ? value : throw new NodeCommandLineException($"{flag} must not be negative");
    }
}
