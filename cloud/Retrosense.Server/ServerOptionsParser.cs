using Retrosense.Storage;

namespace Retrosense.Server;

/// <summary>Placeholder seam: reads flags, appsettings and environment into <see cref="ServerOptions"/> (filled by its owner in this change).</summary>
public static class ServerOptionsParser
{
    public static ServerOptions Parse(string[] args)
    {
        _ = args;
        return new ServerOptions { Store = ReportingStoreOptions.FromFlags(null, null, "./data") };
    }
}
