using System.Reflection;

namespace Retrosense.Cli.Simulation;

/// <summary>The CLI's version, reported as the simulated nodes' firmware version.</summary>
internal static class ThisAssembly
{
    public static readonly string Version = typeof(ThisAssembly).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
