using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Retrosense.Node.Core.Tests.NanoSafe;
using Retrosense.Testing;

namespace Retrosense.Node.Core.Tests.Firmware;

/// <summary>
/// Checks the app and adapter source as far as Linux allows: compiled together with the core and the contract against
/// nanoFramework's own mscorlib (the gate's 1.17.11), the only errors left must be the types and namespaces of the
/// packages the app references. That catches C# beyond version 9, generics, mscorlib APIs nanoFramework lacks, calls to
/// the core that do not match its API, ports implemented wrongly, and any external API used without its package.
/// </summary>
public class NanoAppSourceTests
{
    /// <summary>Unresolved type, name or namespace: the only errors a missing package reference can cause.</summary>
    private static readonly HashSet<string> UnresolvedNameErrors = new(StringComparer.Ordinal) { "CS0246", "CS0103", "CS0234" };

    public static TheoryData<string> Apps => new(FirmwareProjects.AppNames);

    [Theory]
    [MemberData(nameof(Apps))]
    public void App_Compiles_Against_NanoFramework_Mscorlib_With_Only_Its_Packages_Unresolved(string app)
    {
        var mscorlib = NanoCoreLibraryPath();
        var sources = FirmwareProjects.AllCompiledSources(app);
        var trees = sources
            .Select(path => CSharpSyntaxTree.ParseText(
                File.ReadAllText(path),
                new CSharpParseOptions(LanguageVersion.CSharp9),
                path))
            .ToList();
        var compilation = CSharpCompilation.Create(
            app,
            trees,
            new[] { MetadataReference.CreateFromFile(mscorlib) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

        var packages = FirmwareProjects.PackagesConfig(app);
        var problems = new List<string>();
        var unresolvedNames = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var error in compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            var where = Path.GetRelativePath(RepositoryPaths.Root, error.Location.SourceTree?.FilePath ?? "?") + ":" +
                (error.Location.GetLineSpan().StartLinePosition.Line + 1);
            if (!UnresolvedNameErrors.Contains(error.Id))
            {
                problems.Add(where + " " + error.Id + " " + error.GetMessage());
                continue;
            }

            var (name, package) = PackageFor(error);
            unresolvedNames.Add(name);
            if (package is null)
            {
                problems.Add(where + " " + error.Id + " '" + name + "' is neither in nanoFramework's mscorlib nor a known package API: " + error.GetMessage());
            }
            else if (!packages.ContainsKey(package))
            {
                problems.Add(where + " '" + name + "' needs package " + package + ", which " + app + " does not reference");
            }
        }

        Assert.True(trees.Count > 60, "expected core, contract, adapter and app sources, found " + trees.Count);
        Assert.True(problems.Count == 0, app + " would not build on nanoFramework:\n" + string.Join("\n", problems));

        // The check is only meaningful while the package APIs really are outside the compilation.
        Assert.Contains("MqttClient", unresolvedNames);
    }

    [Fact]
    public void App_And_Adapter_Sources_Stay_In_The_Nano_Safe_Subset()
    {
        var files = FirmwareProjects.AppAndAdapterSources();
        var violations = files
            .SelectMany(file => NanoSafeRuleChecker.Check(File.ReadAllText(file), Path.GetRelativePath(RepositoryPaths.Root, file)))
            .Select(v => v.ToString())
            .ToList();

        Assert.True(files.Count >= 25, "expected the app and adapter sources, found " + files.Count);
        Assert.True(violations.Count == 0, "nano-safe rules broken in app code:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Apps_Reach_The_Core_Only_Through_Its_Ports_And_Runtime()
    {
        // Node logic (DSP, thresholds, wire format, reporting, configuration) belongs to the core; the apps may name the
        // ports they implement, the SensorNode they drive, and the store-and-forward sizing constants.
        var allowed = new HashSet<string>(StringComparer.Ordinal)
        {
            "Retrosense.Node.Ports",
            "Retrosense.Node.Runtime",
            "Retrosense.Node.StoreAndForward",
        };
        var coreNamespaces = Directory.EnumerateDirectories(Path.Combine(RepositoryPaths.Root, "firmware", "Retrosense.Node.Core"))
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj"))
            .Select(name => "Retrosense.Node." + name)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Retrosense.Node.Dsp", coreNamespaces);

        var problems = new List<string>();
        foreach (var file in FirmwareProjects.AppAndAdapterSources())
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file), cancellationToken: TestContext.Current.CancellationToken).GetCompilationUnitRoot(TestContext.Current.CancellationToken);
            var relative = Path.GetRelativePath(RepositoryPaths.Root, file);
            foreach (var name in root.DescendantNodes().OfType<UsingDirectiveSyntax>().Select(u => u.Name!.ToString())
                         .Concat(root.DescendantNodes().OfType<QualifiedNameSyntax>().Select(q => q.Left.ToString())))
            {
                if (coreNamespaces.Contains(name) && !allowed.Contains(name))
                {
                    problems.Add(relative + " uses core namespace " + name);
                }
            }

            // A port is implemented by an adapter; no app class re-implements a core concern under its own name.
            foreach (var type in root.DescendantNodes().OfType<TypeDeclarationSyntax>())
            {
                var typeName = type.Identifier.Text;
                foreach (var concern in new[] { "Fft", "Feature", "Rms", "Kurtosis", "Envelope", "Iso", "Zone", "Limit", "Encoder", "Json", "Queue" })
                {
                    if (typeName.Contains(concern, StringComparison.Ordinal))
                    {
                        problems.Add(relative + " declares " + typeName + ", which sounds like core logic (" + concern + ")");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_Core_Port_Has_A_Device_Adapter()
    {
        var portNames = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "firmware", "Retrosense.Node.Core", "Ports"), "I*.cs")
            .Select(Path.GetFileNameWithoutExtension)
            .ToList();
        var implemented = FirmwareProjects.AppAndAdapterSources()
            .SelectMany(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), cancellationToken: TestContext.Current.CancellationToken)
                .GetCompilationUnitRoot(TestContext.Current.CancellationToken)
                .DescendantNodes().OfType<ClassDeclarationSyntax>())
            .Where(c => c.BaseList is not null)
            .SelectMany(c => c.BaseList!.Types.Select(t => t.Type.ToString()))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("INodeDiagnostics", portNames);
        Assert.All(portNames, port => Assert.True(implemented.Contains(port!), "no adapter implements " + port));
    }

    /// <summary>The unresolved name an error is about, and the package that provides it (null when none does).</summary>
    private static (string Name, string? Package) PackageFor(Diagnostic error)
    {
        var tree = error.Location.SourceTree!;
        var node = tree.GetRoot(TestContext.Current.CancellationToken).FindNode(error.Location.SourceSpan, getInnermostNodeForTie: true);

        // In a using directive or a qualified name, the whole dotted name says which namespace was meant.
        var usingDirective = node.FirstAncestorOrSelf<UsingDirectiveSyntax>();
        if (usingDirective is not null)
        {
            var ns = usingDirective.Name!.ToString();
            return (ns, NanoFrameworkPackageCatalog.NamespacePackages.GetValueOrDefault(ns));
        }

        SyntaxNode outermost = node;
        while (outermost.Parent is QualifiedNameSyntax or MemberAccessExpressionSyntax)
        {
            outermost = outermost.Parent;
        }

        var dotted = outermost.ToString();
        foreach (var (ns, package) in NanoFrameworkPackageCatalog.NamespacePackages.OrderByDescending(p => p.Key.Length))
        {
            if (dotted.StartsWith(ns + ".", StringComparison.Ordinal))
            {
                return (dotted, package);
            }
        }

        var name = error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan);
        var simple = name.Split('<')[0];
        return (simple, NanoFrameworkPackageCatalog.TypePackages.GetValueOrDefault(simple));
    }

    /// <summary>nanoFramework's mscorlib from the NuGet cache, where the nano API gate's restore puts it.</summary>
    private static string NanoCoreLibraryPath()
    {
        var packagesRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(packagesRoot))
        {
            packagesRoot = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        var path = Path.Combine(packagesRoot, "nanoframework.corelibrary", "1.17.11", "lib", "mscorlib.dll");
        if (!File.Exists(path))
        {
            Assert.Skip("nanoFramework's mscorlib is not in the NuGet cache (" + path + "); build firmware/Retrosense.Node.NanoCheck once to fetch it");
        }

        return path;
    }
}
