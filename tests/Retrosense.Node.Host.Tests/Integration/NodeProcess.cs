using System;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace Retrosense.Node.Host.Tests.Integration;

/// <summary>
/// The <c>retrosense-node</c> program (firmware/Retrosense.Node.Host, copied beside the tests by the project reference)
/// run as a child process with emulated sensors, so a test can kill it like a crash or a power cut.
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly object _outputLock = new();
    private readonly string _dataDirectory;

    public NodeProcess(string brokerUrl, string tenant, string site, string asset, string nodeId)
    {
        _dataDirectory = Directory.CreateTempSubdirectory("retrosense-node-process-").FullName;
        var dll = Path.Combine(AppContext.BaseDirectory, "retrosense-node.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("retrosense-node.dll is not beside the tests; build firmware/Retrosense.Node.Host", dll);
        }

        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            dll, "--broker", brokerUrl, "--tenant", tenant, "--site", site, "--asset", asset, "--node", nodeId,
            "--emulate", "model", "--data-dir", _dataDirectory,
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = startInfo };
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the node printed so far (for assertion messages).</summary>
    public string Output
    {
        get
        {
            lock (_outputLock)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>SIGKILL: the process ends at once, without a DISCONNECT, as in a crash.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM: the node finishes its loop turn and disconnects cleanly, as on a planned shutdown.</summary>
    public void Terminate(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!_process.WaitForExit(timeout))
        {
            throw new TimeoutException($"retrosense-node did not stop within {timeout.TotalSeconds} s of SIGTERM:\n{Output}");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputLock)
        {
            _output.AppendLine(line);
        }
    }
}
