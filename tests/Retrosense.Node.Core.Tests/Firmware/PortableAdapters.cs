using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Core.Tests.Firmware;

/// <summary>
/// The adapter files that use nothing nanoFramework-specific, compiled from their source on .NET (against the real
/// node core) so their behaviour can be tested here; the rest of the adapters need the devices' packages.
/// </summary>
internal static class PortableAdapters
{
    public static readonly string[] Files =
    {
        @"Messaging\ReconnectBackoff.cs",
        @"Settings\NodeSettings.cs",
        @"Settings\NodeSettingsFile.cs",
        @"Diagnostics\ResetCauseRecord.cs",
        @"Sensors\Adxl345DataRate.cs",
        @"Sensors\AbsentEnvironmentSensor.cs",
        @"Storage\FlashFileStore.cs",
        @"Time\IUptimeSource.cs",
        @"Time\WallClockUptimeSource.cs",
        @"Time\NanoClock.cs",
    };

    private static readonly Lazy<Assembly> Compiled = new(Compile);

    public static Assembly Assembly => Compiled.Value;

    public static Type Type(string fullName) =>
        Assembly.GetType(fullName) ?? throw new InvalidOperationException(fullName + " not found in the compiled adapters");

    public static object? CallStatic(string typeName, string method, params object?[] arguments) =>
        Type(typeName).GetMethod(method)!.Invoke(null, arguments);

    public static object? Call(object target, string method, params object?[] arguments) =>
        target.GetType().GetMethod(method)!.Invoke(target, arguments);

    public static object? Get(object target, string property) =>
        target.GetType().GetProperty(property)!.GetValue(target);

    private static Assembly Compile()
    {
        var folder = Path.Combine(FirmwareProjects.FirmwareFolder, "Retrosense.Node.NanoAdapters");
        var trees = Files.Select(file =>
        {
            var path = FirmwareProjects.Resolve(folder, file);
            return CSharpSyntaxTree.ParseText(File.ReadAllText(path), new CSharpParseOptions(LanguageVersion.CSharp9), path);
        });
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var core = MetadataReference.CreateFromFile(typeof(IPersistentStore).Assembly.Location);
        var compilation = CSharpCompilation.Create(
            "Retrosense.Node.NanoAdapters.Portable",
            trees,
            platform.Append(core),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("portable adapters do not compile on .NET:\n" +
                string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return Assembly.Load(image.ToArray());
    }
}
