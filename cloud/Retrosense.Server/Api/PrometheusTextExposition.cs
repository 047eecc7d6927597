using System.Globalization;
using System.Text;
using Retrosense.Platform.Ingestion;

namespace Retrosense.Server.Api;

/// <summary>
/// Writes <see cref="IngestionStatisticsSnapshot"/> in the Prometheus text exposition format 0.0.4
/// (https://prometheus.io/docs/instrumenting/exposition_formats/): a HELP and a TYPE line per family, counters ending
/// in <c>_total</c>, durations in seconds (https://prometheus.io/docs/practices/naming/).
/// </summary>
public static class PrometheusTextExposition
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IngestionStatisticsSnapshot snapshot)
    {
        var text = new StringBuilder(1024);
        Counter(text, "retrosense_ingest_messages_received_total", "Node messages received by ingestion (every publish it was handed).", snapshot.MessagesReceived);
        Counter(text, "retrosense_ingest_messages_stored_total", "Node messages newly stored (committed).", snapshot.MessagesStored);
        Counter(text, "retrosense_ingest_duplicates_total", "Messages already stored (redelivery, store-and-forward replay), skipped.", snapshot.Duplicates);
        Counter(text, "retrosense_ingest_messages_quarantined_total", "Messages rejected and kept in quarantine with their reason.", snapshot.Quarantined);
        Counter(text, "retrosense_ingest_messages_unauthorized_total", "Publishes refused because the identity may not publish on that topic.", snapshot.Unauthorized);
        Counter(text, "retrosense_ingest_batches_committed_total", "Store transactions committed by ingestion.", snapshot.BatchesCommitted);
        Gauge(text, "retrosense_ingest_pending_messages", "Messages accepted and not yet committed or quarantined.", snapshot.PendingMessages.ToString(CultureInfo.InvariantCulture));
        Gauge(
            text,
            "retrosense_ingest_last_commit_lag_seconds",
            "Receive-to-commit time of the newest committed batch's oldest message.",
            (snapshot.LastCommitLagMilliseconds / 1000.0).ToString("R", CultureInfo.InvariantCulture));
        return text.ToString();
    }

    public static void Counter(StringBuilder text, string name, string help, long value) =>
        Family(text, name, help, "counter", value.ToString(CultureInfo.InvariantCulture));

    public static void Gauge(StringBuilder text, string name, string help, string value) => Family(text, name, help, "gauge", value);

    private static void Family(StringBuilder text, string name, string help, string type, string value)
    {
        // Exposition lines end with LF only, whatever the platform.
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        text.Append(name).Append(' ').Append(value).Append('\n');
    }
}
