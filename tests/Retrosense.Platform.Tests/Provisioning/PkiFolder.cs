using System;
using System.IO;

namespace Retrosense.Platform.Tests.Provisioning;

/// <summary>A temporary folder for one test's PKI, data and output files; deleted on dispose.</summary>
internal sealed class PkiFolder : IDisposable
{
    public PkiFolder()
    {
        Path = Directory.CreateTempSubdirectory("retrosense-provisioning-").FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>The Unix permission bits of a file or folder; skips the test on Windows, which has none.</summary>
    public static UnixFileMode UnixModeOf(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            return File.GetUnixFileMode(path);
        }

        Assert.Skip("Unix file modes do not exist on Windows");
        return default;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still open must not fail the test; the OS cleans its temp folder.
        }
    }
}
