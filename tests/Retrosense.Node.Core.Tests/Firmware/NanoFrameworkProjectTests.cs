using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Retrosense.Testing;

namespace Retrosense.Node.Core.Tests.Firmware;

/// <summary>
/// What can be checked on Linux about the nanoFramework apps, which only the nanoFramework project system can build:
/// project structure, shared-source wiring, package ids and versions, the solution that lists them.
/// </summary>
public class NanoFrameworkProjectTests
{
    private const string NanoFrameworkProjectType = "{11A8DD76-328B-46DF-9F39-F559912D0360}";

    public static TheoryData<string> Apps => new(FirmwareProjects.AppNames);

    [Theory]
    [MemberData(nameof(Apps))]
    public void App_Imports_The_Contract_The_Core_And_The_Adapters_As_Shared_Source(string app)
    {
        var imports = FirmwareProjects.SharedImports(FirmwareProjects.ProjectPath(app));
        var expected = new[]
        {
            Path.Combine(RepositoryPaths.Root, "shared", "Retrosense.Contracts", "Retrosense.Contracts.projitems"),
            Path.Combine(RepositoryPaths.Root, "firmware", "Retrosense.Node.Core", "Retrosense.Node.Core.projitems"),
            FirmwareProjects.AdapterItemsPath,
        };

        Assert.Equal(expected, imports);
        Assert.All(imports, path => Assert.True(File.Exists(path), path + " does not exist"));
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void App_Is_A_NanoFramework_Executable_On_CSharp_9_That_Restores_With_A_Lock_File(string app)
    {
        var project = FirmwareProjects.Load(FirmwareProjects.ProjectPath(app));
        string Property(string name) => FirmwareProjects.Elements(project, name).Single().Value;

        Assert.StartsWith(NanoFrameworkProjectType, Property("ProjectTypeGuids"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("9", Property("LangVersion"));
        Assert.Equal("true", Property("RestorePackagesWithLockFile"));
        Assert.Equal("Exe", Property("OutputType"));
        Assert.Equal(app, Property("AssemblyName"));

        // The nanoFramework project system's three imports, in the order its own samples use.
        var importedProjects = FirmwareProjects.Elements(project, "Import").Select(e => e.Attribute("Project")!.Value).ToList();
        var systemImports = importedProjects.Where(p => p.StartsWith("$(NanoFrameworkProjectSystemPath)", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            new[]
            {
                "$(NanoFrameworkProjectSystemPath)NFProjectSystem.Default.props",
                "$(NanoFrameworkProjectSystemPath)NFProjectSystem.props",
                "$(NanoFrameworkProjectSystemPath)NFProjectSystem.CSharp.targets",
            },
            systemImports);
        Assert.True(
            importedProjects.IndexOf(systemImports[2]) == importedProjects.Count - 1,
            "the C# targets must be imported last, after the shared source");
    }

    [Fact]
    public void Every_Compile_Item_Exists_And_Every_Source_File_Is_Compiled()
    {
        var itemFiles = FirmwareProjects.AppNames.Select(FirmwareProjects.ProjectPath).Append(FirmwareProjects.AdapterItemsPath);
        foreach (var itemFile in itemFiles)
        {
            var folder = Path.GetDirectoryName(itemFile)!;
            var listed = FirmwareProjects.CompileItems(itemFile);
            Assert.All(listed, path => Assert.True(File.Exists(path), path + " is listed in " + itemFile + " but missing"));
            Assert.Equal(listed.Count, listed.Distinct().Count());

            // The projects list files one by one (the nanoFramework project system does not glob), so a new file that
            // was not added would silently not be built on the device.
            var onDisk = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !FirmwareProjects.IsBuildOutput(folder, f))
                .Select(Path.GetFullPath)
                .ToHashSet();
            var notListed = onDisk.Except(listed).ToList();
            Assert.True(notListed.Count == 0, itemFile + " does not compile: " + string.Join(", ", notListed));
        }
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void Packages_Config_And_Hint_Paths_Name_The_Same_Packages_At_The_Same_Versions(string app)
    {
        var config = FirmwareProjects.PackagesConfig(app);
        var references = FirmwareProjects.References(app);
        var referencedFolders = references.Select(r => r.PackageFolder).ToHashSet();

        foreach (var reference in references)
        {
            var match = config.FirstOrDefault(p => reference.PackageFolder == p.Key + "." + p.Value);
            Assert.True(match.Key is not null, app + ": " + reference.HintPath + " points into a package not in packages.config");
            Assert.StartsWith(@"..\packages\" + reference.PackageFolder + @"\lib\", reference.HintPath, StringComparison.Ordinal);
            Assert.EndsWith(reference.AssemblyName + ".dll", reference.HintPath, StringComparison.Ordinal);

            // Assembly versions carry the package version, except the packages stamped major.minor.0.0 (Iot.Device, BinaryPrimitives).
            if (!reference.AssemblyVersion.EndsWith(".0.0", StringComparison.Ordinal))
            {
                Assert.StartsWith(match.Value + ".", reference.AssemblyVersion, StringComparison.Ordinal);
            }
        }

        foreach (var (id, version) in config)
        {
            var folderId = NanoFrameworkPackageCatalog.ReferencedThroughPackage.TryGetValue(id, out var carrier) ? carrier : id;
            var folder = folderId + "." + (folderId == id ? version : config[folderId]);
            Assert.True(referencedFolders.Contains(folder), app + ": packages.config lists " + id + " " + version + " but no reference uses it");
        }
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void Every_Package_Is_A_Known_NanoFramework_Package_At_The_Version_Chosen_With_CoreLibrary_1_17(string app)
    {
        var config = FirmwareProjects.PackagesConfig(app);
        foreach (var (id, version) in config)
        {
            Assert.True(NanoFrameworkPackageCatalog.Packages.TryGetValue(id, out var known), app + ": " + id + " is not in the package catalog");
            Assert.True(known!.Version == version, $"{app}: {id} {version}, but the catalog's version is {known.Version} (seen in {known.SeenIn})");
        }

        Assert.Equal("1.17.11", config["nanoFramework.CoreLibrary"]);
        foreach (var (package, onlyApp) in NanoFrameworkPackageCatalog.BoardOnlyPackages)
        {
            Assert.Equal(app == onlyApp, config.ContainsKey(package));
        }
    }

    [Fact]
    public void The_Api_Gate_Compiles_Against_The_Same_CoreLibrary_The_Apps_Reference()
    {
        var gate = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "firmware", "Retrosense.Node.NanoCheck", "Retrosense.Node.NanoCheck.csproj"));
        foreach (var app in FirmwareProjects.AppNames)
        {
            Assert.Contains("<NanoCoreLibraryVersion>" + FirmwareProjects.PackagesConfig(app)["nanoFramework.CoreLibrary"] + "</NanoCoreLibraryVersion>", gate, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Firmware_Solution_Lists_Both_Apps_And_The_Root_Solution_Lists_Neither()
    {
        var firmwareSolution = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "firmware", "Firmware.sln"));
        var rootSolution = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Solution.sln"));
        foreach (var app in FirmwareProjects.AppNames)
        {
            var guid = FirmwareProjects.Elements(FirmwareProjects.Load(FirmwareProjects.ProjectPath(app)), "ProjectGuid").Single().Value;
            Assert.Contains(
                "Project(\"" + NanoFrameworkProjectType + "\") = \"" + app + "\", \"" + app + "\\" + app + ".nfproj\", \"" + guid + "\"",
                firmwareSolution,
                StringComparison.OrdinalIgnoreCase);
            Assert.Contains(guid + ".Debug|Any CPU.Deploy.0", firmwareSolution, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(app, rootSolution, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(".nfproj", rootSolution, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_Board_Keeps_Its_Pins_In_One_Pin_Map_That_Points_To_The_Hardware_Docs()
    {
        var pinMaps = new Dictionary<string, string>
        {
            ["Retrosense.Node.Esp32"] = "Esp32PinMap.cs",
            ["Retrosense.Node.Stm32"] = "Stm32PinMap.cs",
        };
        foreach (var (app, pinMapFile) in pinMaps)
        {
            var text = File.ReadAllText(Path.Combine(FirmwareProjects.FirmwareFolder, app, pinMapFile));
            var wiringDoc = System.Text.RegularExpressions.Regex.Match(text, @"hardware/[\w\-]+\.md").Value;
            Assert.False(string.IsNullOrEmpty(wiringDoc), pinMapFile + " does not point to its wiring document");
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, wiringDoc)), wiringDoc + " (named in " + pinMapFile + ") does not exist");

            // No pin or bus number outside the pin map: the board files use the map's names only.
            foreach (var source in FirmwareProjects.CompileItems(FirmwareProjects.ProjectPath(app)).Where(f => !f.EndsWith(pinMapFile, StringComparison.Ordinal)))
            {
                var code = File.ReadAllText(source);
                Assert.DoesNotMatch(@"(SetPinFunction|ConnectionSettings)\(\s*\d", code);
            }
        }
    }

    [Fact]
    public void Esp32_Pin_Map_Avoids_The_Flash_Pins_And_Drives_No_Signal_From_An_Input_Only_Pin()
    {
        // ESP32-WROOM-32E data sheet, pin definitions: GPIO6-11 connect to the module's SPI flash; GPIO34-39 are inputs
        // only (no output driver), so they cannot carry SPI clock, MOSI, chip select or I2C (open-drain needs a driver).
        var text = File.ReadAllText(Path.Combine(FirmwareProjects.FirmwareFolder, "Retrosense.Node.Esp32", "Esp32PinMap.cs"));
        var pins = System.Text.RegularExpressions.Regex.Matches(text, @"public const int (\w+Pin) = (\d+);")
            .ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(6, pins.Count);
        Assert.Equal(pins.Count, pins.Values.Distinct().Count());
        foreach (var (name, gpio) in pins)
        {
            Assert.False(gpio is >= 6 and <= 11, name + " = GPIO" + gpio + " is wired to the module's flash");
            if (name != "SpiMisoPin")
            {
                Assert.False(gpio >= 34, name + " = GPIO" + gpio + " is input-only");
            }
        }
    }
}
