using System;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Retention;
using Retrosense.Storage;

namespace Retrosense.Server;

/// <summary>
/// Everything the server is told at start. Flags and the same keys in appsettings.json / environment
/// (<c>Retrosense__MqttPort</c> …) fill it; <see cref="ServerOptionsParser"/> validates them (the table of flags and
/// keys is in <see cref="ServerOptionsParser.Usage"/> and README.md).
/// </summary>
public sealed record ServerOptions
{
    /// <summary>HTTP listen URLs (<c>--urls</c>); port 0 picks a free port (tests).</summary>
    public string Urls { get; init; } = "http://localhost:5080";

    /// <summary>Plain MQTT port of the embedded broker (<c>--mqtt-port</c>); 0 picks a free port (tests).</summary>
    public int MqttPort { get; init; } = 1883;

    /// <summary>Where the SQLite store and server state live (<c>--data-dir</c>).</summary>
    public string DataDirectory { get; init; } = "./data";

    /// <summary>Start the demo tenant and fleet on an empty store (<c>--no-demo</c> turns it off).</summary>
    public bool DemoEnabled { get; init; } = true;

    /// <summary><c>--broker mqtt://HOST:PORT</c>: ingest from an external broker instead of embedding one; null embeds.</summary>
    public Uri? ExternalBroker { get; init; }

    /// <summary>The reporting store (<c>--store</c>, <c>--connection</c>, <c>--data-dir</c>).</summary>
    public required ReportingStoreOptions Store { get; init; }

    /// <summary>PEM certificate (with its key in <see cref="MqttTlsKeyPath"/>) for a TLS listener; null: no TLS listener.</summary>
    public string? MqttTlsCertificatePath { get; init; }

    public string? MqttTlsKeyPath { get; init; }

    /// <summary>TLS MQTT port when a certificate is given (<c>--mqtt-tls-port</c>; 8883 is MQTT over TLS's IANA port).</summary>
    public int MqttTlsPort { get; init; } = 8883;

    /// <summary>Batch size, queue bound and registry cache of the ingestion pipeline.</summary>
    public IngestionPipelineOptions Ingestion { get; init; } = new();

    /// <summary>A node is offline when nothing arrived from it for this long (about three status intervals).</summary>
    public TimeSpan NodeOfflineAfter { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>How long data is kept; checked once an hour.</summary>
    public RetentionPolicy Retention { get; init; } = new();
}
