using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Retrosense.Platform.Retention;
using Retrosense.Server.Retention;
using Retrosense.Server.Tests.Alarms;
using Retrosense.Storage;

namespace Retrosense.Server.Tests.Retention;

/// <summary>The retention job against a real SQLite reporting store.</summary>
public sealed class RetentionServiceTests
{
    [Fact]
    public async Task Retention_deletes_telemetry_older_than_the_policy_and_keeps_usage_events_younger_than_three_years()
    {
        await using var test = await AlarmTestStore.OpenAsync();
        var token = TestContext.Current.CancellationToken;
        var now = DateTimeOffset.UtcNow;
        var old = TestNodeMessages.Telemetry(1, 1, now.AddDays(-100), "B", 2.0);
        var young = TestNodeMessages.Telemetry(1, 2, now.AddMinutes(-5), "B", 2.1);
        await test.Store.Ingestion.WriteBatchAsync([old, young], token);
        await InsertUsageEventAsync(test.DatabasePath, now.AddDays(-1000), token);
        await InsertUsageEventAsync(test.DatabasePath, now.AddDays(-(RetentionPolicy.MinimumUsageEventDays + 30)), token);

        // Raw telemetry kept 90 days, everything else as short as the policy allows: usage events still stay three years.
        var policy = new RetentionPolicy(RawTelemetryDays: 90, MinuteRollupDays: 1, HourRollupDays: 1, QuarantineDays: 1, ClearedAlarmDays: 1);
        var options = new ServerOptions { Store = ReportingStoreOptions.ForSqlite(test.DatabasePath), Retention = policy };
        var service = new RetentionService(test.Store.Retention, options, new ManualTimeProvider(now), NullLogger<RetentionService>.Instance);

        var result = await service.ApplyOnceAsync(token);

        Assert.NotNull(result);
        Assert.True(result.TotalDeletedRows > 0);
        var telemetry = await test.Store.Ingestion.GetTelemetryAsync(AlarmTestStore.TenantId, AlarmTestStore.AssetId, now.AddDays(-200), now.AddDays(1), 100, token);
        var kept = Assert.Single(telemetry);
        Assert.Equal(2, kept.Seq);
        var usageEventTimes = await UsageEventTimesAsync(test.DatabasePath, token);
        Assert.Equal([now.AddDays(-1000).ToUnixTimeMilliseconds()], usageEventTimes);
    }

    private static async Task InsertUsageEventAsync(string databasePath, DateTimeOffset at, System.Threading.CancellationToken token)
    {
        await using var connection = new SqliteConnection("Data Source=" + databasePath);
        await connection.OpenAsync(token);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO usage_events (tenant_id, ts, actor, event_type, details_json) VALUES ($tenant, $ts, 'test', 'dashboard-opened', NULL)";
        command.Parameters.AddWithValue("$tenant", AlarmTestStore.TenantId);
        command.Parameters.AddWithValue("$ts", at.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(token);
    }

    private static async Task<long[]> UsageEventTimesAsync(string databasePath, System.Threading.CancellationToken token)
    {
        await using var connection = new SqliteConnection("Data Source=" + databasePath);
        await connection.OpenAsync(token);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ts FROM usage_events ORDER BY ts";
        var times = new System.Collections.Generic.List<long>();
        await using var reader = await command.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token))
        {
            times.Add(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return [.. times];
    }
}
