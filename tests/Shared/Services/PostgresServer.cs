using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Retrosense.Testing;

/// <summary>
/// A real, throw-away PostgreSQL server for tests: <c>initdb</c> into a temp folder, <c>pg_ctl start</c> on a free
/// loopback port, one database created for the test class (more on request), <c>pg_ctl stop -m fast</c> and the
/// folder deleted on dispose. Use it as an xUnit class fixture (<c>IClassFixture&lt;PostgresServer&gt;</c>) or
/// assembly fixture, so one server serves many tests.
/// PostgreSQL refuses to run as root, so as root every server command runs as user <c>postgres</c> through
/// <c>runuser</c> on a folder that user owns. When the binaries are missing the tests that ask for the server skip
/// (or fail under <c>RETROSENSE_REQUIRE_SERVICES=1</c>, see <see cref="RequiredService"/>); when the binaries exist
/// but the server does not start, they fail with the server log.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    /// <summary>Optional folder holding initdb, pg_ctl and createdb; when set, the only place searched.</summary>
    public const string BinariesVariable = "RETROSENSE_POSTGRES_BIN";

    private const string Superuser = "postgres";
    private const int StartAttempts = 3;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private string? _binDirectory;
    private string? _baseDirectory;
    private string? _dataDirectory;
    private string? _unavailableReason;
    private string? _startFailure;
    private string? _classDatabase;
    private bool _asRoot;
    private int _majorVersion;
    private int _databaseCounter;

    /// <summary>TCP port on 127.0.0.1 the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>Connection string (Npgsql keywords) of the database created for the test class.</summary>
    public string ConnectionString
    {
        get
        {
            RequireRunning();
            return ConnectionStringFor(_classDatabase!);
        }
    }

    /// <summary>The connection string of database <paramref name="database"/> on this server (trust authentication).</summary>
    public string ConnectionStringFor(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username={Superuser};Database={database};Include Error Detail=true";

    public async ValueTask InitializeAsync()
    {
        _binDirectory = FindBinaries();
        if (_binDirectory == null)
        {
            _unavailableReason = "PostgreSQL server binaries (initdb, pg_ctl, createdb) were not found "
                + (Environment.GetEnvironmentVariable(BinariesVariable) is { Length: > 0 } pinned
                    ? "in " + pinned + " (" + BinariesVariable + ")"
                    : "under /usr/lib/postgresql/*/bin or on PATH")
                + "; install Debian's postgresql package";
            return;
        }

        _asRoot = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
        if (_asRoot && FindOnPath("runuser") == null)
        {
            _unavailableReason = "running as root, PostgreSQL must run as user postgres, but runuser was not found";
            return;
        }

        try
        {
            await StartAsync().ConfigureAwait(false);
            _classDatabase = await CreateDatabaseAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or TimeoutException)
        {
            _startFailure = "PostgreSQL from " + _binDirectory + " did not start: " + exception.Message;
        }
    }

    /// <summary>Creates a fresh, empty database and returns its connection string's database name.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        RequireRunning();
        var name = "test_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "_"
            + Interlocked.Increment(ref _databaseCounter).ToString(CultureInfo.InvariantCulture);
        var arguments = new List<string> { "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", Superuser };
        if (_majorVersion >= 15)
        {
            // FILE_COPY (PostgreSQL 15+) skips WAL-logging the template's blocks: about 400 ms instead of 650 ms here.
            arguments.AddRange(new[] { "-S", "FILE_COPY" });
        }

        arguments.Add(name);
        await RunAsync(Path.Combine(_binDirectory!, "createdb"), arguments, asServerUser: false).ConfigureAwait(false);
        return name;
    }

    /// <summary>Creates a fresh, empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseConnectionStringAsync() => ConnectionStringFor(await CreateDatabaseAsync().ConfigureAwait(false));

    /// <summary>Skips or fails the calling test when the server is not there; call before using it.</summary>
    public void RequireRunning()
    {
        if (_unavailableReason != null)
        {
            RequiredService.SkipOrFail(_unavailableReason);
        }

        if (_startFailure != null)
        {
            Assert.Fail(_startFailure);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataDirectory != null && Directory.Exists(Path.Combine(_dataDirectory, "global")))
        {
            try
            {
                await RunAsync(PgCtl, new[] { "-D", _dataDirectory, "-m", "fast", "-w", "stop" }, asServerUser: true).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Not running (it never started, or already stopped): nothing to stop.
            }
        }

        if (_baseDirectory != null && Directory.Exists(_baseDirectory))
        {
            Directory.Delete(_baseDirectory, recursive: true);
        }
    }

    private string PgCtl => Path.Combine(_binDirectory!, "pg_ctl");

    private async Task StartAsync()
    {
        _baseDirectory = Directory.CreateTempSubdirectory("retrosense-pg-").FullName;
        _dataDirectory = Path.Combine(_baseDirectory, "data");
        if (_asRoot)
        {
            await RunAsync("chown", new[] { Superuser + ":", _baseDirectory }, asServerUser: false).ConfigureAwait(false);
        }

        _majorVersion = ParseMajorVersion(await RunAsync(PgCtl, new[] { "--version" }, asServerUser: false).ConfigureAwait(false));

        // --no-sync: a test cluster need not survive a power cut, and fsyncing the catalog costs seconds here.
        await RunAsync(
            Path.Combine(_binDirectory!, "initdb"),
            new[] { "-D", _dataDirectory, "-A", "trust", "-U", Superuser, "-E", "UTF8", "--locale=C", "--no-sync" },
            asServerUser: true).ConfigureAwait(false);

        var log = Path.Combine(_baseDirectory, "server.log");
        string lastError = string.Empty;
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            // Another process may take the port between probing and binding it; a new port on the next attempt.
            Port = FindFreePort();

            // fsync and synchronous_commit off: test data is disposable; durability is not what these tests measure.
            var serverOptions = $"-p {Port.ToString(CultureInfo.InvariantCulture)} -k {_baseDirectory} -c listen_addresses=127.0.0.1 "
                + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
            try
            {
                await RunAsync(PgCtl, new[] { "-D", _dataDirectory, "-l", log, "-o", serverOptions, "-w", "-t", "60", "start" }, asServerUser: true).ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException exception)
            {
                lastError = exception.Message + Environment.NewLine + TailOf(log);
            }
        }

        throw new InvalidOperationException($"pg_ctl start failed {StartAttempts} times: {lastError}");
    }

    private async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, bool asServerUser)
    {
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _baseDirectory ?? Path.GetTempPath(),
        };
        if (asServerUser && _asRoot)
        {
            startInfo.FileName = FindOnPath("runuser")!;
            foreach (var argument in new[] { "-u", Superuser, "--", program })
            {
                startInfo.ArgumentList.Add(argument);
            }
        }
        else
        {
            startInfo.FileName = program;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start " + program);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} did not finish within {CommandTimeout.TotalSeconds} s");
        }

        var text = (await output.ConfigureAwait(false)) + (await error.ConfigureAwait(false));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {text.Trim()}");
        }

        return text;
    }

    private static string TailOf(string logFile)
    {
        try
        {
            var lines = File.ReadAllLines(logFile);
            return string.Join(Environment.NewLine, lines.Skip(Math.Max(0, lines.Length - 20)));
        }
        catch (IOException)
        {
            return "(no server log)";
        }
        catch (UnauthorizedAccessException)
        {
            return "(server log unreadable)";
        }
    }

    /// <summary>15 from "pg_ctl (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)"; 0 when unreadable.</summary>
    private static int ParseMajorVersion(string versionOutput)
    {
        const string Marker = "(PostgreSQL) ";
        var start = versionOutput.IndexOf(Marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return 0;
        }

        start += Marker.Length;
        var end = start;
        while (end < versionOutput.Length && char.IsAsciiDigit(versionOutput[end]))
        {
            end++;
        }

        return int.TryParse(versionOutput.AsSpan(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : 0;
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary><see cref="BinariesVariable"/> if set, else the newest /usr/lib/postgresql/N/bin (Debian), else PATH.</summary>
    private static string? FindBinaries()
    {
        var candidates = new List<string>();
        var fromEnvironment = Environment.GetEnvironmentVariable(BinariesVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            // Exactly these binaries, or none: lets a developer pin a version (and a test simulate their absence).
            return HasServerBinaries(fromEnvironment) ? fromEnvironment : null;
        }

        const string DebianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(DebianRoot))
        {
            candidates.AddRange(Directory.GetDirectories(DebianRoot)
                .OrderByDescending(folder => int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : 0)
                .Select(folder => Path.Combine(folder, "bin")));
        }

        var initdbOnPath = FindOnPath("initdb");
        if (initdbOnPath != null)
        {
            candidates.Add(Path.GetDirectoryName(initdbOnPath)!);
        }

        return candidates.FirstOrDefault(HasServerBinaries);
    }

    private static bool HasServerBinaries(string folder) =>
        File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")) && File.Exists(Path.Combine(folder, "createdb"));

    private static string? FindOnPath(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var folders = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Concat(new[] { "/usr/sbin", "/sbin", "/usr/bin", "/bin" });
        return folders.Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);
    }
}
