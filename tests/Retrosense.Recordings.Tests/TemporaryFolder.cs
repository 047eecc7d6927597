using System;
using System.IO;

namespace Retrosense.Recordings.Tests;

/// <summary>A fresh folder under the system temp folder, deleted when the test is done.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Path = Directory.CreateTempSubdirectory("retrosense-recordings-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="bytes"/> to a file called <paramref name="name"/> here and returns its path.</summary>
    public string Write(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a BOM and returns the file's path.</summary>
    public string WriteText(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
