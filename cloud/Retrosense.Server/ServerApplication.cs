using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Retrosense.Server.Alarms;
using Retrosense.Server.Api;
using Retrosense.Server.Demo;
using Retrosense.Server.Ingestion;
using Retrosense.Server.Mqtt;
using Retrosense.Server.ProcessOptimization;
using Retrosense.Server.Retention;
using Retrosense.Server.Scoring;
using Retrosense.Storage;

namespace Retrosense.Server;

/// <summary>
/// Builds and runs the all-in-one server. Composition only: each part (store, ingestion, MQTT, API, alarms, retention,
/// demo) registers its own services through one extension method.
/// </summary>
public static class ServerApplication
{
    /// <summary>Runs until Ctrl+C / SIGTERM; returns the process exit code (0, 2 for bad flags or settings, 1 for a failure).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (ServerOptionsParser.IsHelpRequested(args))
        {
            await Console.Out.WriteLineAsync(ServerOptionsParser.Usage).ConfigureAwait(false);
            return 0;
        }

        ServerOptions options;
        try
        {
            options = ServerOptionsParser.Parse(args);
        }
        catch (ServerOptionsException exception)
        {
            await Console.Error.WriteLineAsync("retrosense-server: " + exception.Message).ConfigureAwait(false);
            return 2;
        }

        try
        {
            await using var server = await StartAsync(options, null, CancellationToken.None).ConfigureAwait(false);
            await server.Application.WaitForShutdownAsync().ConfigureAwait(false);
            return 0;
        }
        catch (ServerOptionsException exception)
        {
            // Settings only checked while starting (a TLS certificate that does not load).
            await Console.Error.WriteLineAsync("retrosense-server: " + exception.Message).ConfigureAwait(false);
            return 2;
        }
        catch (ReportingStoreSchemaException exception)
        {
            await Console.Error.WriteLineAsync("retrosense-server: reporting store: " + exception.Message).ConfigureAwait(false);
            return 1;
        }
        catch (IOException exception)
        {
            await Console.Error.WriteLineAsync("retrosense-server: " + exception.Message).ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>
    /// Opens the store, starts the broker (or connects to the external one), ingestion, the API and the background
    /// services, and returns once HTTP and MQTT accept connections. Disposing the result stops it gracefully.
    /// </summary>
    public static async Task<RunningServer> StartAsync(ServerOptions options, string[]? args = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var store = await ReportingStoreFactory.OpenAsync(options.Store, cancellationToken).ConfigureAwait(false);
        try
        {
            // The flags were parsed into options already; ASP.NET's own command-line reader would misread "--no-demo".
            // Settings (logging, Kestrel) come from appsettings.json beside the executable, wherever it is started from.
            _ = args;
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
            builder.WebHost.UseUrls(options.Urls);
            builder.Services.AddSingleton(options);
            builder.Services.AddReportingStore(store);
            builder.Services.AddIngestion(options);
            builder.Services.AddMqttIngress(options);
            builder.Services.AddRetrosenseApi();
            builder.Services.AddCloudAlarms(options);
            builder.Services.AddRetention(options);
            builder.Services.AddDemoFleet(options);
            builder.Services.AddLiveScoring(builder.Configuration);
            builder.Services.AddProcessRecommendations(options, builder.Configuration);

            var application = builder.Build();
            application.MapRetrosenseApi();
            application.MapPredictionApi();
            await application.StartAsync(cancellationToken).ConfigureAwait(false);
            return new RunningServer(application, store);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
