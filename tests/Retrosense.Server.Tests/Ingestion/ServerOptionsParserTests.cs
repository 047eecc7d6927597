using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Retrosense.Platform.Retention;
using Retrosense.Storage;

namespace Retrosense.Server.Tests.Ingestion;

/// <summary>The server's flags, their settings keys, and a one-line error naming the flag for every bad value.</summary>
public sealed class ServerOptionsParserTests
{
    private static readonly IConfiguration NoSettings = new ConfigurationBuilder().Build();

    [Fact]
    public void Without_flags_the_defaults_of_the_issue_apply()
    {
        var options = ServerOptionsParser.Parse([], NoSettings);

        Assert.Equal(1883, options.MqttPort);
        Assert.Equal("./data", options.DataDirectory);
        Assert.True(options.DemoEnabled);
        Assert.Null(options.ExternalBroker);
        Assert.Equal(ReportingStoreKind.Sqlite, options.Store.Kind);
        Assert.Equal(Path.Combine("./data", ReportingStoreOptions.SqliteFileName), options.Store.SqliteFilePath);
    }

    [Fact]
    public void Every_flag_is_read_in_both_spellings()
    {
        var options = ServerOptionsParser.Parse(
            ["--urls", "http://127.0.0.1:0", "--mqtt-port=0", "--data-dir", "/tmp/rs", "--no-demo", "--broker", "mqtt://broker.local:1884", "--mqtt-tls-port", "9883"],
            NoSettings);

        Assert.Equal("http://127.0.0.1:0", options.Urls);
        Assert.Equal(0, options.MqttPort);
        Assert.Equal("/tmp/rs", options.DataDirectory);
        Assert.False(options.DemoEnabled);
        Assert.Equal(new Uri("mqtt://broker.local:1884"), options.ExternalBroker);
        Assert.Equal(9883, options.MqttTlsPort);
        Assert.Equal(Path.Combine("/tmp/rs", ReportingStoreOptions.SqliteFileName), options.Store.SqliteFilePath);
    }

    [Fact]
    public void Store_postgres_takes_its_connection_string()
    {
        var options = ServerOptionsParser.Parse(["--store", "postgres", "--connection", "Host=db;Database=rs;Username=rs"], NoSettings);

        Assert.Equal(ReportingStoreKind.Postgres, options.Store.Kind);
        Assert.Equal("Host=db;Database=rs;Username=rs", options.Store.PostgresConnectionString);
    }

    [Fact]
    public void Settings_keys_fill_in_and_flags_win_over_them()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Retrosense:MqttPort"] = "2883",
            ["Retrosense:DataDir"] = "/srv/retrosense",
            ["Retrosense:Demo"] = "false",
            ["Retrosense:Urls"] = "http://0.0.0.0:8080",
        }).Build();

        var options = ServerOptionsParser.Parse(["--mqtt-port", "3883"], settings);

        Assert.Equal(3883, options.MqttPort);
        Assert.Equal("/srv/retrosense", options.DataDirectory);
        Assert.False(options.DemoEnabled);
        Assert.Equal("http://0.0.0.0:8080", options.Urls);
    }

    [Theory]
    [InlineData("--mqtt-port", "--mqtt-port", "x")]
    [InlineData("--mqtt-port", "--mqtt-port", "70000")]
    [InlineData("--mqtt-port", "--mqtt-port", "-1")]
    [InlineData("--mqtt-tls-port", "--mqtt-tls-port", "port")]
    [InlineData("--urls", "--urls", "localhost:5080")]
    [InlineData("--broker", "--broker", "tcp://broker:1883")]
    [InlineData("--broker", "--broker", "not a url")]
    [InlineData("--store", "--store", "mysql")]
    [InlineData("--store", "--store", "postgres")]
    [InlineData("--mqtt-tls-cert", "--mqtt-tls-cert", "/nonexistent/server.crt")]
    [InlineData("--mqtt-tls-key", "--mqtt-tls-key", "/nonexistent/server.key")]
    [InlineData("--frobnicate", "--frobnicate", "1")]
    public void A_bad_value_is_one_line_naming_its_flag(string namedFlag, string flag, string value)
    {
        var failure = Assert.Throws<ServerOptionsException>(() => ServerOptionsParser.Parse([flag, value], NoSettings));

        Assert.Contains(namedFlag, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Fact]
    public void A_flag_without_its_value_is_refused()
    {
        var failure = Assert.Throws<ServerOptionsException>(() => ServerOptionsParser.Parse(["--data-dir"], NoSettings));

        Assert.Equal("--data-dir needs a value", failure.Message);
        Assert.Throws<ServerOptionsException>(() => ServerOptionsParser.Parse(["--urls", "--no-demo"], NoSettings));
    }

    [Fact]
    public void A_bad_setting_names_its_key()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Retrosense:Demo"] = "maybe" }).Build();

        var failure = Assert.Throws<ServerOptionsException>(() => ServerOptionsParser.Parse([], settings));

        Assert.Contains("Retrosense:Demo", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_and_the_offline_timeout_come_from_settings()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Retrosense:NodeOfflineAfterSeconds"] = "600",
            ["Retrosense:Retention:RawTelemetryDays"] = "30",
            ["Retrosense:Retention:UsageEventDays"] = "2000",
        }).Build();

        var options = ServerOptionsParser.Parse([], settings);

        Assert.Equal(TimeSpan.FromMinutes(10), options.NodeOfflineAfter);
        Assert.Equal(30, options.Retention.RawTelemetryDays);
        Assert.Equal(2000, options.Retention.UsageEventDays);
        Assert.Equal(new RetentionPolicy().HourRollupDays, options.Retention.HourRollupDays);
    }

    [Theory]
    [InlineData("Retrosense:Retention:UsageEventDays", "365")]
    [InlineData("Retrosense:Retention:RawTelemetryDays", "0")]
    [InlineData("Retrosense:Retention:QuarantineDays", "ninety")]
    [InlineData("Retrosense:NodeOfflineAfterSeconds", "-5")]
    public void A_retention_or_offline_setting_out_of_range_names_its_key(string key, string value)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var error = Assert.Throws<ServerOptionsException>(() => ServerOptionsParser.Parse([], settings));

        Assert.StartsWith(key + " '" + value + "'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_is_recognised_and_lists_every_flag()
    {
        Assert.True(ServerOptionsParser.IsHelpRequested(["--no-demo", "--help"]));
        Assert.False(ServerOptionsParser.IsHelpRequested(["--no-demo"]));
        foreach (var flag in new[] { "--urls", "--mqtt-port", "--data-dir", "--no-demo", "--broker", "--store", "--connection", "--mqtt-tls-cert", "--mqtt-tls-key" })
        {
            Assert.Contains(flag, ServerOptionsParser.Usage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Run_returns_exit_code_2_for_a_bad_flag()
    {
        var exitCode = await ServerApplication.RunAsync(["--mqtt-port", "not-a-port"]);

        Assert.Equal(2, exitCode);
    }
}
