using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading;
using Retrosense.Node.Host.Hosting;
using Retrosense.Recordings;

namespace Retrosense.Node.Host;

internal static class Program
{
    private const string Name = "retrosense-node";

    private static int Main(string[] args)
    {
        if (NodeCommandLine.IsHelpRequested(args))
        {
            Console.Out.WriteLine(NodeCommandLine.Usage);
            return 0;
        }

        NodeHostOptions options;
        try
        {
            options = NodeCommandLine.Parse(args);
        }
        catch (NodeCommandLineException exception)
        {
            Console.Error.WriteLine($"{Name}: error: {exception.Message} (see --help)");
            return 2;
        }

        var log = new ConsoleNodeLog(options.NodeId, includeInfo: !options.Quiet);
        using var stopping = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, stopping));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, stopping));
        NodeHost host;
        try
        {
            host = NodeHost.Create(options, log);
        }
        catch (Exception exception) when (exception is ArgumentException or RecordingFormatException or CryptographicException)
        {
            Console.Error.WriteLine($"{Name}: error: {exception.Message}");
            return 2;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            Console.Error.WriteLine($"{Name}: cannot open the sensors or the data directory: {exception.Message}");
            return 1;
        }

        using (host)
        {
            log.Info($"{Name} {NodeHost.FirmwareVersion}: {options.Tenant}/{options.Site}/{options.Asset}/{options.NodeId} → {options.BrokerUri}; {host.SensorDescription}; data in {Path.GetFullPath(options.DataDirectory)}");
            host.Runner.Run(NodeRunner.DefaultPollInterval, stopping.Token);
        }

        return 0;
    }

    private static void Stop(PosixSignalContext context, CancellationTokenSource stopping)
    {
        // Let the main loop finish its turn and disconnect cleanly instead of the runtime killing the process.
        context.Cancel = true;
        stopping.Cancel();
    }
}
