using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Testing;
using Retrosense.Testing.Services;

namespace Retrosense.Platform.Tests.Provisioning;

/// <summary>
/// Mosquitto's own command-line clients (mosquitto_pub, mosquitto_sub from Debian's mosquitto-clients) connecting with a
/// client certificate: OpenSSL on both ends, as a real deployment with Mosquitto has.
/// </summary>
internal sealed record MosquittoTlsClient(string Host, int Port, string CaFile, string CertFile, string KeyFile)
{
    private const string LineBuffer = "/usr/bin/stdbuf";

    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Publishes one QoS 1 message and waits for mosquitto_pub to exit; exit code 0 means PUBACK received.</summary>
    public async Task<(int ExitCode, string Output)> PublishAsync(string clientId, string topic, string payload, CancellationToken cancellationToken)
    {
        var startInfo = Start("mosquitto_pub", clientId);
        foreach (var argument in new[] { "-t", topic, "-m", payload, "-q", "1" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("mosquitto_pub did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProcessTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"mosquitto_pub {topic} did not exit within {ProcessTimeout.TotalSeconds} s");
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }

    /// <summary>Starts mosquitto_sub on <paramref name="filter"/> (QoS 1) and returns once the broker granted the subscription.</summary>
    public async Task<Subscriber> SubscribeAsync(string clientId, string filter, CancellationToken cancellationToken)
    {
        var startInfo = Start("mosquitto_sub", clientId);
        foreach (var argument in new[] { "-t", filter, "-q", "1", "-v", "-d" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var subscriber = new Subscriber(Process.Start(startInfo) ?? throw new InvalidOperationException("mosquitto_sub did not start"));
        await subscriber.WaitForSubscriptionAsync(cancellationToken);
        return subscriber;
    }

    public static void RequireClients()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var found = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(folder => File.Exists(Path.Combine(folder, "mosquitto_pub")));
        if (!found)
        {
            RequiredService.SkipOrFail("mosquitto_pub/mosquitto_sub are not installed (apt-get install mosquitto-clients)");
        }
    }

    private ProcessStartInfo Start(string program, string clientId)
    {
        // The clients block-buffer stdout into a pipe; stdbuf (coreutils) makes them print each line as it happens.
        var startInfo = new ProcessStartInfo(File.Exists(LineBuffer) ? LineBuffer : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (File.Exists(LineBuffer))
        {
            startInfo.ArgumentList.Add("-oL");
            startInfo.ArgumentList.Add(program);
        }

        foreach (var argument in new[]
        {
            "-h", Host, "-p", Port.ToString(CultureInfo.InvariantCulture), "-i", clientId, "-V", "mqttv311",
            "--cafile", CaFile, "--cert", CertFile, "--key", KeyFile,
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    /// <summary>A running mosquitto_sub: the messages it printed (topic and payload), killed on dispose.</summary>
    public sealed class Subscriber : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly BlockingCollection<string> _messages = [];
        private readonly ConcurrentQueue<string> _log = new();
        private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal Subscriber(Process process)
        {
            _process = process;
            process.OutputDataReceived += (_, line) => OnLine(line.Data);
            process.ErrorDataReceived += (_, line) => OnLine(line.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Log => string.Join("\n", _log);

        /// <summary>Waits for the next message ("topic payload"); null when none arrives within <paramref name="timeout"/>.</summary>
        public string? NextMessage(TimeSpan timeout) => _messages.TryTake(out var message, timeout) ? message : null;

        /// <summary>Every message received until <paramref name="expected"/> arrives (inclusive); throws when it does not within the timeout.</summary>
        public IReadOnlyList<string> MessagesUntil(string expected, TimeSpan timeout)
        {
            var received = new List<string>();
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                var message = NextMessage(deadline - DateTime.UtcNow);
                if (message is null)
                {
                    break;
                }

                received.Add(message);
                if (message == expected)
                {
                    return received;
                }
            }

            throw new TimeoutException($"'{expected}' not received within {timeout.TotalSeconds} s; got [{string.Join(", ", received)}]; mosquitto_sub: {Log}");
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
            _messages.Dispose();
        }

        internal async Task WaitForSubscriptionAsync(CancellationToken cancellationToken)
        {
            var finished = await Task.WhenAny(_subscribed.Task, _process.WaitForExitAsync(cancellationToken), Task.Delay(ProcessTimeout, cancellationToken));
            if (finished != _subscribed.Task)
            {
                throw new InvalidOperationException($"mosquitto_sub was not subscribed within {ProcessTimeout.TotalSeconds} s: {Log}");
            }
        }

        private void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            _log.Enqueue(line);
            if (line.StartsWith("Client ", StringComparison.Ordinal))
            {
                // -d debug lines: "Client op received SUBACK" confirms the subscription.
                if (line.Contains("received SUBACK", StringComparison.Ordinal))
                {
                    _subscribed.TrySetResult();
                }

                return;
            }

            if (line.StartsWith("Subscribed", StringComparison.Ordinal))
            {
                return;
            }

            _messages.Add(line);
        }
    }
}
