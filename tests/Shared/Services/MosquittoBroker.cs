using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Retrosense.Testing.Services;

/// <summary>
/// A real Mosquitto broker (Debian's <c>mosquitto</c> package) for one test: its own folder, config and free loopback
/// port. It can be stopped and started again on the same port (a broker outage), reloaded with SIGHUP (new ACL or
/// CRL), and is killed and deleted on dispose. Create it inside a test (or the test class's InitializeAsync): a missing
/// binary skips the test, or fails it under <c>RETROSENSE_REQUIRE_SERVICES=1</c>.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    /// <summary>Where Debian's package installs the broker; PATH is searched when it is not there.</summary>
    public const string DebianExecutablePath = "/usr/sbin/mosquitto";

    private const int SignalHangUp = 1;
    private const int SignalTerminate = 15;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly string _executable;
    private readonly MosquittoBrokerOptions _options;
    private readonly StringBuilder _log = new();
    private readonly object _logLock = new();
    private IReadOnlyList<string> _extraConfigLines;
    private Process? _process;
    private bool _portConfirmed;

    /// <summary>Finds the binary, creates the broker's folder and picks a free port; <see cref="StartAsync"/> starts it.</summary>
    public MosquittoBroker(MosquittoBrokerOptions? options = null)
    {
        _executable = FindExecutable() ?? SkipForMissingBinary();
        _options = options ?? new MosquittoBrokerOptions();
        _extraConfigLines = _options.ExtraConfigLines;
        Directory = System.IO.Directory.CreateTempSubdirectory("retrosense-mosquitto-").FullName;
        Port = FreeLoopbackPort();
    }

    /// <summary>The broker's own folder: its config, persistence database, and any file a test writes for it (ACL, certificates).</summary>
    public string Directory { get; }

    /// <summary>The config file the broker runs with.</summary>
    public string ConfigPath => Path.Combine(Directory, "mosquitto.conf");

    /// <summary>The loopback address the broker listens on.</summary>
    public string Host => "127.0.0.1";

    /// <summary>The TCP port; the same across stop and start.</summary>
    public int Port { get; private set; }

    /// <summary>The broker's URL for the CLI and the node (<c>mqtt://127.0.0.1:PORT</c>).</summary>
    public string Url => string.Create(CultureInfo.InvariantCulture, $"mqtt://{Host}:{Port}");

    /// <summary>True while the broker process runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Everything the broker wrote to stdout and stderr since it was first started (for assertion messages).</summary>
    public string Log
    {
        get
        {
            lock (_logLock)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The broker binary, or null when Mosquitto is not installed.</summary>
    public static string? FindExecutable()
    {
        if (File.Exists(DebianExecutablePath))
        {
            return DebianExecutablePath;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "mosquitto"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Creates and starts a broker in one step.</summary>
    public static async Task<MosquittoBroker> StartNewAsync(MosquittoBrokerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var broker = new MosquittoBroker(options);
        try
        {
            await broker.StartAsync(cancellationToken).ConfigureAwait(false);
            return broker;
        }
        catch
        {
            await broker.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Writes the config and starts the broker, then waits until the port accepts connections. After a
    /// <see cref="StopAsync"/> it starts again on the same port (and, with persistence, the same sessions).
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("the broker is already running");
        }

        // A port picked free can be taken by another test before the broker binds it: on the very first start pick again.
        for (var attempt = 1; ; attempt++)
        {
            WriteConfig();
            StartProcess();
            try
            {
                await WaitUntilAcceptingAsync(cancellationToken).ConfigureAwait(false);
                _portConfirmed = true;
                return;
            }
            catch (InvalidOperationException) when (!_portConfirmed && attempt < 3 && Log.Contains("Address already in use", StringComparison.Ordinal))
            {
                Port = FreeLoopbackPort();
            }
        }
    }

    /// <summary>
    /// Stops the broker the way an operator would (SIGTERM), so it saves its persistence database, and waits for it to
    /// exit. Clients see their connection drop.
    /// </summary>
    public async Task StopAsync()
    {
        var process = _process;
        if (process is null || process.HasExited)
        {
            return;
        }

        SendSignal(process, SignalTerminate);
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Replaces the extra config lines (takes effect at the next start, or now with <see cref="Reload"/>).</summary>
    public void RewriteConfig(IReadOnlyList<string> extraConfigLines)
    {
        ArgumentNullException.ThrowIfNull(extraConfigLines);
        _extraConfigLines = extraConfigLines;
        WriteConfig();
    }

    /// <summary>Asks the running broker to re-read its config, ACL and CRL (SIGHUP), as <c>systemctl reload</c> does.</summary>
    public void Reload()
    {
        var process = _process;
        if (process is null || process.HasExited)
        {
            throw new InvalidOperationException("the broker is not running");
        }

        SendSignal(process, SignalHangUp);
    }

    /// <summary>Kills the broker and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        var process = _process;
        _process = null;
        if (process is not null)
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync().ConfigureAwait(false);
            }

            process.Dispose();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the test that used the broker; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>A TCP port on loopback that nothing listens on right now.</summary>
    public static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static string SkipForMissingBinary()
    {
        RequiredService.SkipOrFail($"mosquitto is not installed ({DebianExecutablePath} or on PATH; apt-get install mosquitto)");
        return string.Empty;
    }

    private void WriteConfig()
    {
        var lines = new List<string>();

        // Started as root, Mosquitto drops to the 'mosquitto' user and then cannot write into the test's folder;
        // 'user root' keeps it as the user who started it (the setting has no effect for a non-root user).
        if (string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
        {
            lines.Add("user root");
        }

        lines.Add(string.Create(CultureInfo.InvariantCulture, $"listener {Port} {Host}"));
        lines.AddRange(_extraConfigLines);
        lines.Add(_options.AllowAnonymous ? "allow_anonymous true" : "allow_anonymous false");
        if (_options.Persistence)
        {
            lines.Add("persistence true");
            lines.Add("persistence_location " + Directory + Path.DirectorySeparatorChar);
        }

        lines.Add("log_dest stderr");
        lines.Add("log_type all");
        lines.Add("connection_messages true");
        File.WriteAllLines(ConfigPath, lines);
    }

    private void StartProcess()
    {
        _process?.Dispose();
        var startInfo = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(ConfigPath);
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, line) => AppendLog(line.Data);
        process.ErrorDataReceived += (_, line) => AppendLog(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    private async Task WaitUntilAcceptingAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + _options.StartTimeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited while starting on port {Port}: {Log}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException exception)
            {
                throw new InvalidOperationException($"mosquitto did not accept connections on port {Port} within {_options.StartTimeout.TotalSeconds} s ({exception.SocketErrorCode}): {Log}", exception);
            }
        }
    }

    private void AppendLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            _log.AppendLine(line);
        }
    }

    private static void SendSignal(Process process, int signal)
    {
        if (Kill(process.Id, signal) != 0 && !process.HasExited)
        {
            throw new InvalidOperationException($"kill({process.Id}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    // POSIX kill(2): .NET's Process.Kill only sends SIGKILL, which skips Mosquitto's save of the persistence database.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);
}
