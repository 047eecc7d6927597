using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Microsoft.Extensions.Configuration;
using Retrosense.Platform.Retention;
using Retrosense.Storage;

namespace Retrosense.Server;

/// <summary>
/// Reads the server's flags, and the same settings from appsettings.json and the environment, into
/// <see cref="ServerOptions"/>. A flag wins over the environment, which wins over appsettings.json. Scripts rely on the
/// flag names. A bad value throws <see cref="ServerOptionsException"/> with one line naming the flag (exit code 2).
/// </summary>
public static class ServerOptionsParser
{
    /// <summary>Configuration section of the settings: appsettings.json <c>"Retrosense": { "MqttPort": 1883 }</c>, environment <c>Retrosense__MqttPort=1883</c>.</summary>
    public const string SectionName = "Retrosense";

    /// <summary>What <c>--help</c> prints.</summary>
    public const string Usage = """
        Usage: retrosense-server [options]      (dotnet run --project cloud/Retrosense.Server -- [options])

        The all-in-one Retrosense server: MQTT broker, ingestion, reporting store, HTTP API, demo fleet.

          flag                      setting key (appsettings.json "Retrosense" section, or env Retrosense__Key)
          --urls URLS               Urls          HTTP listen URLs, ';'-separated (default http://localhost:5080; port 0 = any free)
          --mqtt-port PORT          MqttPort      embedded broker's plain MQTT port (default 1883; 0 = any free)
          --mqtt-tls-cert FILE      MqttTlsCert   PEM certificate for a TLS listener (nodes may then log in with client certificates)
          --mqtt-tls-key FILE       MqttTlsKey    PEM private key of that certificate (omit when the certificate file holds it)
          --mqtt-tls-port PORT      MqttTlsPort   TLS listener port (default 8883)
          --data-dir DIR            DataDir       SQLite store and server state (default ./data)
          --no-demo                 Demo=false    no demo tenant and simulated fleet on an empty store
          --broker mqtt://HOST:PORT Broker        ingest from this external broker (e.g. Mosquitto) instead of embedding one
          --store sqlite|postgres   Store         reporting store (default sqlite: DIR/retrosense.db)
          --connection TEXT         Connection    PostgreSQL connection string (or a SQLite file path)
          --help, -h                              this text

        Exit codes: 0 stopped normally, 1 failure, 2 bad flag or setting.
        """;

    private static readonly HashSet<string> ValueFlags = new(StringComparer.Ordinal)
    {
        "--urls", "--mqtt-port", "--mqtt-tls-port", "--data-dir", "--broker", "--store", "--connection", "--mqtt-tls-cert", "--mqtt-tls-key",
    };

    /// <summary>True when the arguments ask for <see cref="Usage"/>.</summary>
    public static bool IsHelpRequested(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        foreach (var arg in args)
        {
            if (arg is "--help" or "-h" or "-?")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Flags plus appsettings.json beside the executable plus the environment.</summary>
    public static ServerOptions Parse(string[] args) => Parse(args, LoadSettings());

    /// <summary>Flags over the given <paramref name="settings"/> (tests pass in-memory settings).</summary>
    public static ServerOptions Parse(IReadOnlyList<string> args, IConfiguration settings)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(settings);
        var section = settings.GetSection(SectionName);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var noDemo = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--no-demo")
            {
                noDemo = true;
                continue;
            }

            string flag;
            string? value;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                flag = arg[..equals];
                value = arg[(equals + 1)..];
            }
            else
            {
                flag = arg;
                value = i + 1 < args.Count ? args[i + 1] : null;
                if (ValueFlags.Contains(flag))
                {
                    i++;
                }
            }

            if (!ValueFlags.Contains(flag))
            {
                throw new ServerOptionsException(flag == "--no-demo"
                    ? "--no-demo takes no value"
                    : "unknown option '" + arg + "' (see --help)");
            }

            if (value is null || (value.StartsWith("--", StringComparison.Ordinal) && equals < 0))
            {
                throw new ServerOptionsException(flag + " needs a value");
            }

            values[flag] = value;
        }

        string? Setting(string flag, string key) => values.TryGetValue(flag, out var fromFlag) ? fromFlag : section[key];

        var urls = Setting("--urls", "Urls") ?? "http://localhost:5080";
        CheckUrls(urls);
        var mqttPort = ParsePort("--mqtt-port", Setting("--mqtt-port", "MqttPort"), 1883);
        var mqttTlsPort = ParsePort("--mqtt-tls-port", Setting("--mqtt-tls-port", "MqttTlsPort"), 8883);
        var dataDirectory = Setting("--data-dir", "DataDir") ?? "./data";
        if (string.IsNullOrWhiteSpace(dataDirectory) || dataDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            throw new ServerOptionsException("--data-dir '" + dataDirectory + "' is not a usable directory path");
        }

        var demo = !noDemo && ParseBool("Retrosense:Demo", section["Demo"], true);
        var broker = ParseBroker(Setting("--broker", "Broker"));
        var tlsCertificate = Blank(Setting("--mqtt-tls-cert", "MqttTlsCert"));
        var tlsKey = Blank(Setting("--mqtt-tls-key", "MqttTlsKey"));
        CheckTlsFiles(tlsCertificate, tlsKey);
        if (broker is not null && tlsCertificate is not null)
        {
            throw new ServerOptionsException("--mqtt-tls-cert configures the embedded broker's TLS listener; it cannot be combined with --broker");
        }

        ReportingStoreOptions store;
        var storeKind = Setting("--store", "Store");
        try
        {
            store = ReportingStoreOptions.FromFlags(storeKind, Blank(Setting("--connection", "Connection")), dataDirectory);
        }
        catch (ArgumentException exception)
        {
            var flag = exception.ParamName == "connection" ? "--connection" : "--store";
            var text = exception.ParamName is null ? exception.Message : exception.Message.Replace(" (Parameter '" + exception.ParamName + "')", string.Empty, StringComparison.Ordinal);
            throw new ServerOptionsException(flag + ": " + text, exception);
        }

        return new ServerOptions
        {
            NodeOfflineAfter = TimeSpan.FromSeconds(ParseCount("Retrosense:NodeOfflineAfterSeconds", section["NodeOfflineAfterSeconds"], 180, minimum: 1)),
            Retention = ParseRetention(section.GetSection("Retention")),
            Urls = urls,
            MqttPort = mqttPort,
            MqttTlsPort = mqttTlsPort,
            DataDirectory = dataDirectory,
            DemoEnabled = demo,
            ExternalBroker = broker,
            MqttTlsCertificatePath = tlsCertificate,
            MqttTlsKeyPath = tlsKey,
            Store = store,
        };
    }

    /// <summary>appsettings.json beside the executable (optional), then environment variables.</summary>
    public static IConfiguration LoadSettings() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    /// <summary>
    /// <c>Retrosense:Retention:*Days</c> settings over <see cref="RetentionPolicy"/>'s defaults; a value under a
    /// minimum (usage events: three years) is refused naming its key.
    /// </summary>
    private static RetentionPolicy ParseRetention(IConfigurationSection retention)
    {
        var defaults = new RetentionPolicy();
        int Days(string name, int fallback, int minimum = 1) => ParseCount("Retrosense:Retention:" + name, retention[name], fallback, minimum);
        return new RetentionPolicy(
            Days(nameof(RetentionPolicy.RawTelemetryDays), defaults.RawTelemetryDays),
            Days(nameof(RetentionPolicy.MinuteRollupDays), defaults.MinuteRollupDays),
            Days(nameof(RetentionPolicy.HourRollupDays), defaults.HourRollupDays),
            Days(nameof(RetentionPolicy.QuarantineDays), defaults.QuarantineDays),
            Days(nameof(RetentionPolicy.ClearedAlarmDays), defaults.ClearedAlarmDays),
            Days(nameof(RetentionPolicy.UsageEventDays), defaults.UsageEventDays, RetentionPolicy.MinimumUsageEventDays));
    }

    private static int ParseCount(string key, string? text, int fallback, int minimum)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new ServerOptionsException(string.Create(CultureInfo.InvariantCulture, $"{key} '{text}' must be a whole number of at least {minimum}"));
        }

        return value;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static int ParsePort(string flag, string? text, int fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new ServerOptionsException(flag + " '" + text + "' is not a TCP port (0 to 65535; 0 picks a free one)");
        }

        return port;
    }

    private static bool ParseBool(string key, string? text, bool fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!bool.TryParse(text, out var value))
        {
            throw new ServerOptionsException(key + " '" + text + "' is not true or false");
        }

        return value;
    }

    private static void CheckUrls(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Kestrel also takes http://*:5080 and http://+:5080, which Uri does not parse as a host.
            var probe = url.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal);
            if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new ServerOptionsException("--urls '" + url + "' is not an http:// or https:// URL");
            }
        }

        if (string.IsNullOrWhiteSpace(urls))
        {
            throw new ServerOptionsException("--urls is empty");
        }
    }

    private static Uri? ParseBroker(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != "mqtt" || string.IsNullOrEmpty(uri.Host) || (uri.AbsolutePath is not ("" or "/")))
        {
            throw new ServerOptionsException("--broker '" + text + "' is not mqtt://HOST:PORT");
        }

        if (uri.Port is 0)
        {
            throw new ServerOptionsException("--broker '" + text + "' has port 0");
        }

        return uri;
    }

    private static void CheckTlsFiles(string? certificate, string? key)
    {
        if (certificate is null)
        {
            if (key is not null)
            {
                throw new ServerOptionsException("--mqtt-tls-key needs --mqtt-tls-cert");
            }

            return;
        }

        if (!File.Exists(certificate))
        {
            throw new ServerOptionsException("--mqtt-tls-cert '" + certificate + "' does not exist");
        }

        if (key is not null && !File.Exists(key))
        {
            throw new ServerOptionsException("--mqtt-tls-key '" + key + "' does not exist");
        }
    }
}
