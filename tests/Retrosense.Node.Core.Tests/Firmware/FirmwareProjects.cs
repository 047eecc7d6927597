using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Retrosense.Testing;

namespace Retrosense.Node.Core.Tests.Firmware;

/// <summary>Reads the nanoFramework app projects, the shared-source item files and packages.config as plain XML.</summary>
internal static class FirmwareProjects
{
    public static readonly string[] AppNames = { "Retrosense.Node.Esp32", "Retrosense.Node.Stm32" };

    public static string FirmwareFolder => Path.Combine(RepositoryPaths.Root, "firmware");

    public static string AdapterItemsPath =>
        Path.Combine(FirmwareFolder, "Retrosense.Node.NanoAdapters", "Retrosense.Node.NanoAdapters.projitems");

    public static string ProjectPath(string app) => Path.Combine(FirmwareFolder, app, app + ".nfproj");

    public static XDocument Load(string path) => XDocument.Load(path);

    /// <summary>Elements by local name, whatever the MSBuild namespace.</summary>
    public static IEnumerable<XElement> Elements(XDocument document, string localName) =>
        document.Descendants().Where(e => e.Name.LocalName == localName);

    /// <summary>Windows-style project path made absolute against <paramref name="baseFolder"/>, with <c>$(MSBuildThisFileDirectory)</c> expanded.</summary>
    public static string Resolve(string baseFolder, string include)
    {
        var expanded = include.Replace("$(MSBuildThisFileDirectory)", string.Empty, StringComparison.Ordinal);
        return Path.GetFullPath(Path.Combine(baseFolder, expanded.Replace('\\', Path.DirectorySeparatorChar)));
    }

    /// <summary>Absolute paths of the C# files an item file compiles (no globs: the app projects list each file).</summary>
    public static IReadOnlyList<string> CompileItems(string projectOrItemsPath)
    {
        var folder = Path.GetDirectoryName(projectOrItemsPath)!;
        return Elements(Load(projectOrItemsPath), "Compile")
            .Select(e => Resolve(folder, e.Attribute("Include")!.Value))
            .ToList();
    }

    /// <summary>The shared-source imports of a project (Import elements with Label="Shared"), as absolute paths.</summary>
    public static IReadOnlyList<string> SharedImports(string projectPath)
    {
        var folder = Path.GetDirectoryName(projectPath)!;
        return Elements(Load(projectPath), "Import")
            .Where(e => (string?)e.Attribute("Label") == "Shared")
            .Select(e => Resolve(folder, e.Attribute("Project")!.Value))
            .ToList();
    }

    /// <summary>packages.config entries: id → version.</summary>
    public static IReadOnlyDictionary<string, string> PackagesConfig(string app)
    {
        var path = Path.Combine(FirmwareFolder, app, "packages.config");
        return Elements(Load(path), "package")
            .ToDictionary(e => e.Attribute("id")!.Value, e => e.Attribute("version")!.Value);
    }

    public sealed record AssemblyReference(string AssemblyName, string AssemblyVersion, string HintPath, string PackageFolder);

    /// <summary>Reference elements with their HintPath and the package folder (<c>id.version</c>) the HintPath points into.</summary>
    public static IReadOnlyList<AssemblyReference> References(string app)
    {
        return Elements(Load(ProjectPath(app)), "Reference")
            .Select(e =>
            {
                var include = e.Attribute("Include")!.Value;
                var parts = include.Split(',').Select(p => p.Trim()).ToArray();
                var version = parts.Single(p => p.StartsWith("Version=", StringComparison.Ordinal))["Version=".Length..];
                var hint = e.Elements().Single(c => c.Name.LocalName == "HintPath").Value;
                var segments = hint.Split('\\');
                var packagesIndex = Array.IndexOf(segments, "packages");
                return new AssemblyReference(parts[0], version, hint, segments[packagesIndex + 1]);
            })
            .ToList();
    }

    /// <summary>All C# files of an app as the nanoFramework build sees them: its own items and every shared import's items.</summary>
    public static IReadOnlyList<string> AllCompiledSources(string app)
    {
        var files = new List<string>(CompileItems(ProjectPath(app)));
        foreach (var import in SharedImports(ProjectPath(app)))
        {
            files.AddRange(SharedSourceFiles(import));
        }

        return files;
    }

    /// <summary>
    /// Files a shared item file brings in: its explicit Compile items, or, for the contract and core (which glob
    /// <c>**\*.cs</c> excluding bin and obj), every such file under its folder.
    /// </summary>
    public static IReadOnlyList<string> SharedSourceFiles(string itemsPath)
    {
        var folder = Path.GetDirectoryName(itemsPath)!;
        var includes = Elements(Load(itemsPath), "Compile").Select(e => e.Attribute("Include")!.Value).ToList();
        if (includes.Any(i => i.Contains("**", StringComparison.Ordinal)))
        {
            return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !IsBuildOutput(folder, f))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
        }

        return includes.Select(i => Resolve(folder, i)).ToList();
    }

    /// <summary>Source files of the apps and their adapters (what this project wrote, not the core or the contract).</summary>
    public static IReadOnlyList<string> AppAndAdapterSources()
    {
        return AppNames.SelectMany(app => CompileItems(ProjectPath(app)))
            .Concat(CompileItems(AdapterItemsPath))
            .Distinct()
            .ToList();
    }

    public static bool IsBuildOutput(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal)
            || relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal);
    }
}
