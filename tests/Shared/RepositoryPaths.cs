using System;
using System.IO;

namespace Retrosense.Testing;

/// <summary>Where the repository and the public datasets are, for tests run from any folder.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The repository root (the folder holding Solution.sln).</summary>
    public static string Root => RootLazy.Value;

    /// <summary>
    /// The public datasets: <c>RETROSENSE_DATA</c> if set, else <c>../shared/data</c> beside the repository.
    /// </summary>
    public static string DataDirectory
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("RETROSENSE_DATA");
            return string.IsNullOrWhiteSpace(fromEnvironment)
                ? Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"))
                : Path.GetFullPath(fromEnvironment);
        }
    }

    /// <summary>A file of a public dataset, or a skip with the reason when the datasets are not on this machine.</summary>
    public static string RequireDataFile(string relativePath)
    {
        var path = Path.Combine(DataDirectory, relativePath);
        if (!File.Exists(path))
        {
            Assert.Skip($"public dataset file {path} is not present (set RETROSENSE_DATA to the folder holding ai4i2020/, bearing/, cmapss/, process/)");
        }

        return path;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Solution.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Solution.sln not found above " + AppContext.BaseDirectory);
    }
}
