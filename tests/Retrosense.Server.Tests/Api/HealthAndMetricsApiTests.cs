using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Retrosense.Platform.Ingestion;
using Retrosense.Storage;

namespace Retrosense.Server.Tests.Api;

[Collection(ApiServerCollection.Name)]
public sealed partial class HealthAndMetricsApiTests(ApiTestServer fixture)
{
    [Fact]
    public async Task Health_Is_Ok_When_The_Store_Answers_And_The_Broker_Listens()
    {
        var brokerAddress = await fixture.Server.GetBrokerAddressAsync(TestContext.Current.CancellationToken);
        var health = await fixture.Http.GetJsonAsync("/health");

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("ok", health.GetProperty("store").GetProperty("status").GetString());
        Assert.Equal("sqlite", health.GetProperty("store").GetProperty("kind").GetString());
        Assert.Equal("ok", health.GetProperty("broker").GetProperty("status").GetString());
        Assert.Equal(brokerAddress.ToString(), health.GetProperty("broker").GetProperty("address").GetString());
        Assert.True(health.GetProperty("ingestion").TryGetProperty("lastCommitLagMilliseconds", out _));
    }

    [Fact]
    public async Task Health_Is_503_With_The_Reason_When_The_Store_Stops_Answering()
    {
        var directory = Path.Combine(Path.GetTempPath(), "retrosense-api-health-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            await using var server = await ServerApplication.StartAsync(new ServerOptions
            {
                Store = ReportingStoreOptions.ForSqlite(Path.Combine(directory, "retrosense.db")),
                Urls = "http://127.0.0.1:0",
                MqttPort = 0,
                DemoEnabled = false,
                DataDirectory = directory,
            });
            using var http = new System.Net.Http.HttpClient { BaseAddress = server.HttpAddress };

            // A database that went away: close the store's pooled connections and delete the file, so the next
            // connection opens an empty database without the registry's tables and every query fails.
            await server.Services.GetRequiredService<ReportingStore>().DisposeAsync();
            foreach (var file in Directory.GetFiles(directory, "retrosense.db*"))
            {
                File.Delete(file);
            }

            var health = await http.GetJsonAsync("/health", HttpStatusCode.ServiceUnavailable);

            Assert.Equal("unhealthy", health.GetProperty("status").GetString());
            Assert.Equal("failing", health.GetProperty("store").GetProperty("status").GetString());
            Assert.False(string.IsNullOrWhiteSpace(health.GetProperty("store").GetProperty("error").GetString()));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Metrics_Is_Prometheus_Text_With_Help_And_Type_For_Every_Ingestion_Counter()
    {
        var statistics = fixture.Services.GetRequiredService<IngestionStatistics>();
        statistics.AddStored(3); // so at least one value is not zero and must come from the live counters
        var expected = statistics.Snapshot();

        using var response = await fixture.Http.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("0.0.4", response.Content.Headers.ContentType?.Parameters.Single(parameter => parameter.Name == "version").Value);
        var families = ParseExposition(text);
        Assert.Equal(
            new Dictionary<string, (string Type, double Value)>
            {
                ["retrosense_ingest_messages_received_total"] = ("counter", expected.MessagesReceived),
                ["retrosense_ingest_messages_stored_total"] = ("counter", expected.MessagesStored),
                ["retrosense_ingest_duplicates_total"] = ("counter", expected.Duplicates),
                ["retrosense_ingest_messages_quarantined_total"] = ("counter", expected.Quarantined),
                ["retrosense_ingest_messages_unauthorized_total"] = ("counter", expected.Unauthorized),
                ["retrosense_ingest_batches_committed_total"] = ("counter", expected.BatchesCommitted),
                ["retrosense_ingest_pending_messages"] = ("gauge", expected.PendingMessages),
                ["retrosense_ingest_last_commit_lag_seconds"] = ("gauge", expected.LastCommitLagMilliseconds / 1000.0),
            },
            families.Where(family => family.Key.StartsWith("retrosense_ingest_", StringComparison.Ordinal)).ToDictionary());

        // Live scoring's families follow (nothing was published to this server, so nothing was scored).
        Assert.Equal(("counter", 0.0), families["retrosense_scoring_windows_scored_total"]);
        Assert.Equal(("counter", 0.0), families["retrosense_scoring_windows_dropped_total"]);
        Assert.Equal(("gauge", 0.0), families["retrosense_scoring_pending_windows"]);
    }

    /// <summary>
    /// A strict reader of the text format (https://prometheus.io/docs/instrumenting/exposition_formats/): every family is
    /// HELP, TYPE, then its unlabelled sample; LF line ends; valid metric names; numeric values.
    /// </summary>
    private static Dictionary<string, (string Type, double Value)> ParseExposition(string text)
    {
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text[..^1].Split('\n');
        Assert.Equal(0, lines.Length % 3);
        var families = new Dictionary<string, (string Type, double Value)>();
        for (var i = 0; i < lines.Length; i += 3)
        {
            var help = HelpLine().Match(lines[i]);
            Assert.True(help.Success, "not a HELP line: " + lines[i]);
            var name = help.Groups["name"].Value;
            var type = TypeLine().Match(lines[i + 1]);
            Assert.True(type.Success && type.Groups["name"].Value == name, "not the TYPE line of " + name + ": " + lines[i + 1]);
            var sample = SampleLine().Match(lines[i + 2]);
            Assert.True(sample.Success && sample.Groups["name"].Value == name, "not the sample of " + name + ": " + lines[i + 2]);
            if (type.Groups["type"].Value == "counter")
            {
                Assert.EndsWith("_total", name, StringComparison.Ordinal);
            }

            families.Add(name, (type.Groups["type"].Value, double.Parse(sample.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture)));
        }

        return families;
    }

    [GeneratedRegex("^# HELP (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) \\S.*$")]
    private static partial Regex HelpLine();

    [GeneratedRegex("^# TYPE (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<type>counter|gauge)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex("^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<value>-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?)$")]
    private static partial Regex SampleLine();
}
