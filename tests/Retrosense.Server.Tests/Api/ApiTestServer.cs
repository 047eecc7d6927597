using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Retrosense.Contracts;
using Retrosense.Node.Configuration;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Registry;
using Retrosense.Platform.Retention;
using Retrosense.Storage;

namespace Retrosense.Server.Tests.Api;

/// <summary>
/// A real server (port 0, temp SQLite, no demo) shared by one test class, seeded through the store: tenant
/// <see cref="Tenant"/> with two sites, an active and a revoked node, nine telemetry windows (one of them late), a node
/// alarm message and two quarantined messages; a second tenant <see cref="OtherTenant"/> with the same ids and its own
/// data, so every test can also check that nothing leaks across tenants.
/// </summary>
public sealed class ApiTestServer : IAsyncLifetime
{
    public const string Tenant = "acme";
    public const string OtherTenant = "globex";
    public const string Site = "plant-1";
    public const string OtherSite = "plant-2";
    public const string Asset = "pump-3";
    public const string OtherSiteAsset = "fan-1";
    public const string Node = "n-001";
    public const string RevokedNode = "n-002";

    /// <summary>Telemetry windows start here, one every 20 s: three per minute over 10:00, 10:01 and 10:02.</summary>
    public static readonly DateTimeOffset FirstWindowAt = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    public const int WindowCount = 9;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "retrosense-api-" + Guid.NewGuid().ToString("N"));

    public RunningServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The acme telemetry windows as written, index i at <see cref="FirstWindowAt"/> + 20 s × i.</summary>
    public IReadOnlyList<(DateTimeOffset Timestamp, long Seq, double VelocityRmsMaxMmPerSecond, double TemperatureCelsius)> Windows { get; } =
        Enumerable.Range(0, WindowCount)
            .Select(i => (FirstWindowAt.AddSeconds(20 * i), 100L + i, 2.0 + (0.25 * i * i), 20.0 + i))
            .ToList();

    public IServiceProvider Services => Server.Services;

    /// <summary>A store part the server registers (alarms, rollups, credentials), for seeding and checking.</summary>
    public T RequireService<T>()
        where T : class => Services.GetRequiredService<T>();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        Server = await ServerApplication.StartAsync(new ServerOptions
        {
            Store = ReportingStoreOptions.ForSqlite(Path.Combine(_directory, "retrosense.db")),
            Urls = "http://127.0.0.1:0",
            MqttPort = 0,
            DemoEnabled = false,
            DataDirectory = _directory,

            // The seeded windows have fixed dates (January 2026) so the assertions can name them; the server's retention
            // run at start must not race the seeding and delete them as older than the default 90 days.
            Retention = new RetentionPolicy(RawTelemetryDays: 36_500),
        });
        Http = new HttpClient { BaseAddress = Server.HttpAddress };
        await SeedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }

    private async Task SeedAsync()
    {
        var registry = Services.GetRequiredService<IRegistryStore>();
        var ingestion = Services.GetRequiredService<IIngestionStore>();
        foreach (var tenant in new[] { Tenant, OtherTenant })
        {
            await registry.EnsureTenantAsync(tenant, tenant.ToUpperInvariant());
            await registry.UpsertSiteAsync(new Site(tenant, Site, "Plant 1"));
            await registry.UpsertSiteAsync(new Site(tenant, OtherSite, "Plant 2", "Europe/Berlin"));
            await registry.UpsertAssetAsync(new Asset(tenant, Site, Asset, "Pump 3", MachineGroup.Group2, Foundation.Rigid, 1780f));
            await registry.UpsertAssetAsync(new Asset(tenant, OtherSite, OtherSiteAsset, "Fan 1", MachineGroup.Group1, Foundation.Flexible, null));
            var tenantDigit = tenant == Tenant ? "A" : "B";
            await registry.AddNodeAsync(new NodeRegistration(tenant, Site, Asset, Node, NodeBoard.Esp32, new string(tenantDigit[0], 63) + "1", "01", 1));
            await registry.AddNodeAsync(new NodeRegistration(tenant, OtherSite, OtherSiteAsset, RevokedNode, NodeBoard.Stm32, new string(tenantDigit[0], 63) + "2", "02", 1));
            await registry.RevokeNodeAsync(tenant, RevokedNode, "board replaced");
        }

        // Windows 1..8 first, then window 0 in a later batch as a store-and-forward replay: it must still come first.
        var acme = Windows.Select(window => ApiTestMessages.Telemetry(Tenant, Site, Asset, Node, window.Seq, window.Timestamp, window.VelocityRmsMaxMmPerSecond, window.TemperatureCelsius, historical: window.Seq == 100)).ToList();
        await ingestion.WriteBatchAsync(acme.Skip(1).Append(ApiTestMessages.Alarm(Tenant, Site, Asset, Node, 200, FirstWindowAt.AddSeconds(30))).ToList());
        await ingestion.WriteBatchAsync([acme[0]]);

        // The other tenant's windows at the same times with very different values: any leak shows in counts and values.
        await ingestion.WriteBatchAsync(
            Windows.Select(window => ApiTestMessages.Telemetry(OtherTenant, Site, Asset, Node, window.Seq, window.Timestamp, 40.0, -10.0)).ToList());

        var receivedAt = DateTimeOffset.UtcNow;
        await ingestion.QuarantineAsync(TopicPath.Build(Tenant, Site, Asset, Node, "telemetry"), Encoding.UTF8.GetBytes("{\"schema\":1,"), new RejectReason(RejectCode.MalformedJson, "truncated JSON"), receivedAt);
        await ingestion.QuarantineAsync(TopicPath.Build(Tenant, Site, Asset, Node, "status"), new byte[] { 0xC3, 0x28 }, new RejectReason(RejectCode.InvalidUtf8, "invalid UTF-8 at byte 0"), receivedAt.AddMilliseconds(1));
        await ingestion.QuarantineAsync(TopicPath.Build(OtherTenant, Site, Asset, Node, "telemetry"), Encoding.UTF8.GetBytes("[]"), new RejectReason(RejectCode.WrongType, "not an object"), receivedAt);
    }
}
