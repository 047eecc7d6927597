using System;
using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace Retrosense.Benchmarks.Ingest;

/// <summary>
/// <c>ingest</c>: one run, one load generator (<c>retrosense simulate</c>, Release build, as a child process), three
/// measurements side by side: (a) Debian's Mosquitto forwarding the QoS 1 load to one QoS 1 subscriber
/// (<c>mosquitto_sub</c>), (b) Retrosense.Server storing it into a fresh SQLite store with durable acknowledgement, and
/// (c) publish→PUBACK percentiles against the server at a steady 1,000 msg/s (its PUBACK follows the commit, so this
/// bounds publish→commit). docs/benchmarks.md records results.
/// </summary>
internal static class IngestBenchmark
{
    private const string Tenant = "bench";

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = IngestBenchmarkSettings.Parse(args);
        var root = RepositoryRoot();
        var cli = Path.Combine(root, "cloud", "Retrosense.Cli", "bin", "Release", "net10.0", "retrosense.dll");
        var server = Path.Combine(root, "cloud", "Retrosense.Server", "bin", "Release", "net10.0", "Retrosense.Server.dll");
        if (!settings.SkipBuild)
        {
            await BuildAsync(Path.Combine(root, "cloud", "Retrosense.Cli", "Retrosense.Cli.csproj")).ConfigureAwait(false);
            await BuildAsync(Path.Combine(root, "cloud", "Retrosense.Server", "Retrosense.Server.csproj")).ConfigureAwait(false);
        }

        Console.WriteLine($"# ingest benchmark: {settings.Nodes} nodes, offered {settings.Rate} msg/s for {settings.DurationSeconds} s, latency at {settings.LatencyRate} msg/s, {Environment.ProcessorCount} cores, load average {ChildProcess.LoadAverage()}");
        var mosquitto = await RunMosquittoAsync(cli, settings).ConfigureAwait(false);
        Report("(a) mosquitto → 1 subscriber", mosquitto);
        var stored = await RunServerAsync(cli, server, settings, settings.Rate).ConfigureAwait(false);
        Report("(b) server → SQLite", stored);
        var latency = await RunServerAsync(cli, server, settings, settings.LatencyRate).ConfigureAwait(false);
        Report("(c) server at " + settings.LatencyRate + " msg/s", latency);

        Console.WriteLine();
        Console.WriteLine("| run | delivered msg/s (2nd half) | delivered msg/s (whole) | delivered | acknowledged | publish→PUBACK p50 / p95 / p99 / max ms | receiver CPU µs/msg | receiver CPU µs/msg (2nd half) | load avg before → after |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine(Row("(a) Mosquitto 2.0 forwarding QoS 1 to 1 subscriber (received)", mosquitto));
        Console.WriteLine(Row("(b) Retrosense.Server storing into SQLite (stored)", stored));
        Console.WriteLine(Row(string.Create(CultureInfo.InvariantCulture, $"(c) Retrosense.Server at {settings.LatencyRate} msg/s (stored)"), latency));
        var ratio = stored.SecondHalfRate / mosquitto.SecondHalfRate;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio (b)/(a) = {ratio:0.00} (target ≥ 1.00: {(ratio >= 1 ? "met" : "missed")}); p99 at {settings.LatencyRate} msg/s = {latency.Totals.P99Ms:0.0} ms (target ≤ 250 ms: {(latency.Totals.P99Ms <= 250 ? "met" : "missed")})"));
        return 0;
    }

    private static async Task<IngestRunResult> RunMosquittoAsync(string cli, IngestBenchmarkSettings settings)
    {
        var port = ChildProcess.FreePort();
        var loadBefore = ChildProcess.LoadAverage();
        using var broker = ChildProcess.Start("mosquitto", "-p", port.ToString(CultureInfo.InvariantCulture));
        try
        {
            await ChildProcess.WaitForPortAsync(port, TimeSpan.FromSeconds(10), broker).ConfigureAwait(false);

            // One QoS 1 subscriber to everything the fleet publishes; it prints one byte and a newline per message.
            using var subscriber = ChildProcess.Start("mosquitto_sub", "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-q", "1", "-i", "bench-subscriber", "-t", "retrosense/#", "-F", "m");
            long received = 0;
            var counting = Task.Run(() => CountLines(subscriber.StandardOutput.BaseStream, ref received));
            await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            var cpuBefore = broker.TotalProcessorTime.TotalSeconds + subscriber.TotalProcessorTime.TotalSeconds;
            try
            {
                var probe = new RateProbe(() => Interlocked.Read(ref received), () => broker.TotalProcessorTime.TotalSeconds + subscriber.TotalProcessorTime.TotalSeconds);
                var totals = await RunSimulateAsync(cli, port, settings, settings.Rate, credentials: null, probe).ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
                probe.Finish(Interlocked.Read(ref received));
                var cpuSeconds = broker.TotalProcessorTime.TotalSeconds + subscriber.TotalProcessorTime.TotalSeconds - cpuBefore;
                return new IngestRunResult(totals, probe.Total, probe.SecondHalfRate(), probe.Total / totals.ElapsedSeconds, loadBefore, ChildProcess.LoadAverage(), cpuSeconds, probe.SecondHalfCpuMicrosecondsPerMessage());
            }
            finally
            {
                await ChildProcess.StopAsync(subscriber, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                await counting.ConfigureAwait(false);
            }
        }
        finally
        {
            await ChildProcess.StopAsync(broker, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
    }

    private static async Task<IngestRunResult> RunServerAsync(string cli, string serverDll, IngestBenchmarkSettings settings, double rate)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "retrosense-bench-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var credentials = await BenchFleetProvisioner.ProvisionAsync(dataDirectory, Tenant, settings.Nodes, CancellationToken.None).ConfigureAwait(false);
            var mqttPort = ChildProcess.FreePort();
            var httpPort = ChildProcess.FreePort();
            var loadBefore = ChildProcess.LoadAverage();
            using var server = ChildProcess.Start(
                "dotnet",
                serverDll,
                "--no-demo",
                "--mqtt-port",
                mqttPort.ToString(CultureInfo.InvariantCulture),
                "--urls",
                "http://127.0.0.1:" + httpPort.ToString(CultureInfo.InvariantCulture),
                "--data-dir",
                dataDirectory);

            // The server logs to stdout; drain it so a full pipe never blocks it.
            var drainOut = server.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
            var drainError = server.StandardError.BaseStream.CopyToAsync(Stream.Null);
            try
            {
                await ChildProcess.WaitForPortAsync(mqttPort, TimeSpan.FromSeconds(60), server).ConfigureAwait(false);
                var database = Path.Combine(dataDirectory, "retrosense.db");
                await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString());
                await connection.OpenAsync().ConfigureAwait(false);
                var baseline = CountStored(connection);

                // The server's start-up (JIT, migrations) is not part of what a message costs.
                var cpuBefore = server.TotalProcessorTime.TotalSeconds;

                // Rows of node_messages are the messages stored exactly once (its dedupe key); MAX(message_id) is cheap to read every second.
                var probe = new RateProbe(() => MaxMessageId(connection), () => server.TotalProcessorTime.TotalSeconds);
                var totals = await RunSimulateAsync(cli, mqttPort, settings, rate, credentials, probe).ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
                var stored = CountStored(connection) - baseline;
                probe.Finish(MaxMessageId(connection));
                return new IngestRunResult(totals, stored, probe.SecondHalfRate(), stored / totals.ElapsedSeconds, loadBefore, ChildProcess.LoadAverage(), server.TotalProcessorTime.TotalSeconds - cpuBefore, probe.SecondHalfCpuMicrosecondsPerMessage());
            }
            finally
            {
                await ChildProcess.StopAsync(server, TimeSpan.FromSeconds(20)).ConfigureAwait(false);
                await Task.WhenAll(drainOut, drainError).ConfigureAwait(false);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is not worth failing the run.
            }
        }
    }

    private static async Task<SimulateTotals> RunSimulateAsync(string cli, int port, IngestBenchmarkSettings settings, double rate, string? credentials, RateProbe probe)
    {
        var arguments = new System.Collections.Generic.List<string>
        {
            cli, "simulate",
            "--nodes", settings.Nodes.ToString(CultureInfo.InvariantCulture),
            "--broker", "mqtt://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
            "--tenant", Tenant,
            "--duration", settings.DurationSeconds.ToString(CultureInfo.InvariantCulture),
            "--rate", rate.ToString(CultureInfo.InvariantCulture),
            "--json",
        };
        if (settings.Workers is { } workers)
        {
            arguments.AddRange(["--workers", workers.ToString(CultureInfo.InvariantCulture)]);
        }

        if (credentials is not null)
        {
            arguments.AddRange(["--credentials", credentials]);
        }

        using var simulate = ChildProcess.Start("dotnet", [.. arguments]);
        var output = simulate.StandardOutput.ReadToEndAsync();
        var error = simulate.StandardError.ReadToEndAsync();
        await probe.RunUntilAsync(simulate.WaitForExitAsync(), CancellationToken.None).ConfigureAwait(false);
        if (simulate.ExitCode != 0)
        {
            throw new InvalidOperationException("retrosense simulate exited with " + simulate.ExitCode + ": " + await error.ConfigureAwait(false));
        }

        return SimulateTotals.Parse((await output.ConfigureAwait(false)).Trim());
    }

    private static long CountStored(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM node_messages";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static long MaxMessageId(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(message_id), 0) FROM node_messages";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void CountLines(Stream stream, ref long lines)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                var newlines = buffer.AsSpan(0, read).Count((byte)'\n');
                Interlocked.Add(ref lines, newlines);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task BuildAsync(string project)
    {
        Console.WriteLine("# dotnet build -c Release " + project);
        using var build = ChildProcess.Start("dotnet", "build", "-c", "Release", "--nologo", "-v", "q", project);
        var output = build.StandardOutput.ReadToEndAsync();
        await build.WaitForExitAsync().ConfigureAwait(false);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("build of " + project + " failed:\n" + await output.ConfigureAwait(false));
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Solution.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Solution.sln not found above " + AppContext.BaseDirectory);
    }

    private static void Report(string name, IngestRunResult result) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: delivered {result.Delivered} ({result.SecondHalfRate:0} msg/s over the 2nd half, {result.WholeRunRate:0} msg/s whole run), simulate acknowledged {result.Totals.Acknowledged} ({result.Totals.SteadyMessagesPerSecond:0} msg/s 2nd half), failed {result.Totals.Failed}, queued {result.Totals.Queued}, publish→PUBACK p50 {result.Totals.P50Ms} p99 {result.Totals.P99Ms} max {result.Totals.MaxMs} ms, receiver CPU {result.ReceiverCpuSeconds:0.0} s ({result.SecondHalfCpuMicrosecondsPerMessage:0} µs/msg over the 2nd half), load {result.LoadBefore} → {result.LoadAfter}"));

    private static string Row(string name, IngestRunResult result) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {name} | {result.SecondHalfRate:0} | {result.WholeRunRate:0} | {result.Delivered} | {result.Totals.Acknowledged} | {result.Totals.P50Ms:0.0} / {result.Totals.P95Ms:0.0} / {result.Totals.P99Ms:0.0} / {result.Totals.MaxMs:0.0} | {result.ReceiverCpuMicrosecondsPerMessage:0} | {result.SecondHalfCpuMicrosecondsPerMessage:0} | {result.LoadBefore} → {result.LoadAfter} |");
}
