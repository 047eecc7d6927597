using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Retrosense.Platform.Ingestion;
using Retrosense.Server.Demo;
using Retrosense.Storage;

namespace Retrosense.Server.Tests.Demo;

/// <summary>A temp folder for a server's SQLite store, and helpers to start the real server on it and watch the demo.</summary>
internal sealed class DemoServer : IDisposable
{
    public DemoServer()
    {
        Directory = Path.Combine(Path.GetTempPath(), "retrosense-demo-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public ReportingStoreOptions StoreOptions => ReportingStoreOptions.ForSqlite(Path.Combine(Directory, "store.db"));

    public Task<RunningServer> StartAsync(bool demoEnabled) => ServerApplication.StartAsync(
        new ServerOptions
        {
            Store = StoreOptions,
            DataDirectory = Directory,
            Urls = "http://127.0.0.1:0",
            MqttPort = 0,
            DemoEnabled = demoEnabled,
        },
        cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Waits until the demo fleet runs (or decided not to) and returns the seeding outcome.</summary>
    public static async Task<DemoSeedOutcome> WaitForFleetAsync(RunningServer server)
    {
        var outcome = await server.Services.GetRequiredService<DemoFleetService>().Started.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.NotNull(outcome);
        return outcome;
    }

    /// <summary>Polls the store until a demo telemetry window of boot ≥ <paramref name="minimumBoot"/> is stored; returns the wait, or fails after <paramref name="timeout"/>.</summary>
    public static async Task<TimeSpan> WaitForDemoTelemetryAsync(RunningServer server, long minimumBoot, TimeSpan timeout)
    {
        var ingestion = server.Services.GetRequiredService<IIngestionStore>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (started.Elapsed < timeout)
        {
            foreach (var asset in DemoFleetPlan.Assets)
            {
                var now = DateTimeOffset.UtcNow;
                var windows = await ingestion.GetTelemetryAsync(DemoFleetPlan.TenantId, asset.AssetId, now.AddHours(-1), now.AddHours(1), 1000, TestContext.Current.CancellationToken);
                if (windows.Any(window => window.Boot >= minimumBoot))
                {
                    return started.Elapsed;
                }
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"no demo telemetry of boot {minimumBoot} or later stored within {timeout.TotalSeconds} s");
        return timeout;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleanup.
        }
    }
}
