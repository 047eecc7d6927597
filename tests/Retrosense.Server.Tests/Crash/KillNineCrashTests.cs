using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Retrosense.Server.Tests.Ingestion;
using Retrosense.Storage;
using Retrosense.Testing.Services;
using Xunit.Sdk;

namespace Retrosense.Server.Tests.Crash;

/// <summary>
/// The issue's crash test: the built server runs as a child process, several MQTTnet clients (persistent sessions,
/// QoS 1, like the node runtime's MqttNodeTransport) publish a steady stream and record every (node, boot, seq) that
/// got a successful PUBACK, the server is killed with SIGKILL mid-stream and started again, the clients reconnect and
/// resend what was not acknowledged, and then every acknowledged message must be in the store exactly once.
/// </summary>
public sealed class KillNineCrashTests : IAsyncLifetime
{
    private const int NodeCount = 4;
    private const long Boot = 1;
    private readonly string _directory = Directory.CreateTempSubdirectory("retrosense-crash-").FullName;
    private readonly Dictionary<string, string> _passwords = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Node, long Seq), bool> _acknowledged = new();
    private Process? _server;
    private int _mqttPort;

    private string DatabasePath => Path.Combine(_directory, ReportingStoreOptions.SqliteFileName);

    public async ValueTask InitializeAsync()
    {
        await using var store = await ReportingStoreFactory.OpenAsync(ReportingStoreOptions.ForSqlite(DatabasePath));
        var nodes = Enumerable.Range(1, NodeCount).Select(i => "crash-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        await ServerTestFleet.ProvisionAsync(store.Registry, nodes);
        foreach (var node in nodes)
        {
            _passwords[node] = await store.Credentials.IssuePasswordAsync(ServerTestFleet.Tenant, node);
        }

        _mqttPort = MosquittoBroker.FreeLoopbackPort();
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Every_message_acknowledged_before_a_kill_9_is_stored_exactly_once_after_restart()
    {
        await StartServerAsync();
        using var stopPublishing = new CancellationTokenSource();
        var publishers = _passwords.Keys.Select(node => Task.Run(() => PublishSteadilyAsync(node, stopPublishing.Token))).ToArray();

        // Let the stream run, then kill the server without any chance to flush.
        await WaitUntilAsync(() => _acknowledged.Count >= 400, TimeSpan.FromSeconds(60));
        var acknowledgedAtKill = _acknowledged.Count;
        _server!.Kill(entireProcessTree: true);
        await _server.WaitForExitAsync();
        _server.Dispose();
        _server = null;

        await Task.Delay(TimeSpan.FromSeconds(1));
        await StartServerAsync();
        await WaitUntilAsync(() => _acknowledged.Count >= acknowledgedAtKill + 400, TimeSpan.FromSeconds(90));
        await stopPublishing.CancelAsync();
        await Task.WhenAll(publishers);
        _server!.Kill(entireProcessTree: true);
        await _server.WaitForExitAsync();

        var stored = CountStoredBySeq();
        var missing = _acknowledged.Keys.Where(key => !stored.ContainsKey(key)).ToList();
        Assert.True(missing.Count == 0, missing.Count + " acknowledged messages are not stored, e.g. " + string.Join(", ", missing.Take(5)));
        Assert.All(stored, pair => Assert.Equal(1, pair.Value));
        Assert.True(_acknowledged.Count > acknowledgedAtKill, "nothing was acknowledged after the restart");
    }

    private async Task PublishSteadilyAsync(string node, CancellationToken stopping)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _mqttPort)
            .WithClientId(node)
            .WithCredentials(ServerTestFleet.Tenant + ":" + node, _passwords[node])
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(3600)
            .WithTimeout(TimeSpan.FromSeconds(5))
            .Build();
        var topic = ServerTestFleet.StatusTopic(node);
        long seq = 0;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    var connected = await client.ConnectAsync(options, stopping);
                    if (connected.ResultCode != MqttClientConnectResultCode.Success)
                    {
                        throw new InvalidOperationException("connect refused: " + connected.ResultCode);
                    }
                }

                // Like the node's store-and-forward queue: the same seq is resent until it is acknowledged.
                var message = new MqttApplicationMessageBuilder()
                    .WithTopic(topic)
                    .WithPayload(ServerTestFleet.StatusPayload(node, Boot, seq))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build();
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                var result = await client.PublishAsync(message, timeout.Token);
                if (result.IsSuccess)
                {
                    _acknowledged[(node, seq)] = true;
                    seq++;
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException and not XunitException)
            {
                // The server is down or went down mid-publish: retry the same seq after a short pause.
                await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
            }
        }
    }

    private async Task StartServerAsync()
    {
        var serverDll = Path.Combine(AppContext.BaseDirectory, "Retrosense.Server.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { serverDll, "--no-demo", "--mqtt-port", _mqttPort.ToString(CultureInfo.InvariantCulture), "--urls", "http://127.0.0.1:0", "--data-dir", _directory })
        {
            start.ArgumentList.Add(argument);
        }

        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        await WaitUntilAsync(() => _server.HasExited || PortAcceptsConnections(), TimeSpan.FromSeconds(60));
        Assert.False(_server.HasExited, "the server exited with code " + (_server.HasExited ? _server.ExitCode : 0));
    }

    private bool PortAcceptsConnections()
    {
        try
        {
            using var probe = new TcpClient();
            probe.Connect("127.0.0.1", _mqttPort);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private Dictionary<(string Node, long Seq), int> CountStoredBySeq()
    {
        using var connection = new SqliteConnection("Data Source=" + DatabasePath + ";Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT node_id, seq, COUNT(*) FROM node_messages WHERE boot = @boot GROUP BY node_id, seq";
        command.Parameters.AddWithValue("@boot", Boot);
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<(string, long), int>();
        while (reader.Read())
        {
            counts[(reader.GetString(0), reader.GetInt64(1))] = reader.GetInt32(2);
        }

        return counts;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not met within " + timeout.TotalSeconds + " s");
            }

            await Task.Delay(50);
        }
    }
}
