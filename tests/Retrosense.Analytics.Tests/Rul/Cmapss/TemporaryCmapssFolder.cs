using System;
using System.IO;
using System.Text;

namespace Retrosense.Analytics.Tests.Rul.Cmapss;

/// <summary>A fresh temp folder for generated C-MAPSS files, deleted after the test.</summary>
internal sealed class TemporaryCmapssFolder : IDisposable
{
    public TemporaryCmapssFolder()
    {
        Path = Directory.CreateTempSubdirectory("retrosense-cmapss-").FullName;
    }

    public string Path { get; }

    public string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
