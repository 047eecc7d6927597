using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Retrosense.Benchmarks.Ingest;

/// <summary>Starting and stopping the processes a benchmark run drives, and the small helpers they need.</summary>
internal static class ChildProcess
{
    public static Process Start(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start " + fileName);
    }

    /// <summary>Asks the process to stop (SIGTERM, a graceful shutdown), then kills it if it is still there after <paramref name="grace"/>.</summary>
    public static async Task StopAsync(Process process, TimeSpan grace)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync().ConfigureAwait(false);
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A TCP port free on loopback right now (the OS picks it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something accepts TCP connections on <paramref name="port"/>; throws after <paramref name="timeout"/>.</summary>
    public static async Task WaitForPortAsync(int port, TimeSpan timeout, Process owner)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (owner.HasExited)
            {
                var error = await owner.StandardError.ReadToEndAsync().ConfigureAwait(false);
                throw new InvalidOperationException(owner.StartInfo.FileName + " exited with " + owner.ExitCode + " before listening on " + port + ": " + error);
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The 1, 5 and 15 minute load averages (/proc/loadavg), for the record of each run.</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return parts[0] + " " + parts[1] + " " + parts[2];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
