using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Retrosense.Recordings.Mat;

namespace Retrosense.Recordings;

/// <summary>
/// Reads real numeric arrays from MATLAB MAT-files, Level 4 ("-v4") and Level 5 ("-v6", "-v7", compressed or not, either
/// byte order). Version 7.3 files (HDF5) are refused with a clear message. Complex, sparse, char, cell and struct variables
/// are skipped by <see cref="Read"/> and refused by <see cref="ReadVariable"/>.
/// </summary>
public static class MatFile
{
    private static readonly byte[] Level5TextStart = Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file");

    /// <summary>Every real numeric variable of the file, in file order.</summary>
    /// <exception cref="RecordingFormatException">The file is not a MAT-file, or is truncated or corrupt.</exception>
    public static IReadOnlyList<MatVariable> Read(string path)
    {
        var entries = ReadEntries(path, onlyName: null);
        return entries.Where(entry => entry.Variable is not null).Select(entry => entry.Variable!).ToList();
    }

    /// <summary>The variable called <paramref name="name"/> (case-sensitive, as in MATLAB).</summary>
    /// <exception cref="RecordingFormatException">
    /// The file is not a MAT-file, the variable is absent, or it is not a real numeric array.
    /// </exception>
    public static MatVariable ReadVariable(string path, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var entries = ReadEntries(path, name);
        var entry = entries.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.Ordinal));
        if (entry is null)
        {
            var available = entries.Count == 0 ? "the file has no variables" : "the file has: " + string.Join(", ", entries.Select(candidate => candidate.Name));
            throw new RecordingFormatException($"{path}: variable '{name}' not found; {available}");
        }

        if (entry.Variable is null)
        {
            throw new RecordingFormatException($"{path}: variable '{name}' {entry.UnsupportedReason}");
        }

        return entry.Variable;
    }

    /// <summary>Names of every variable in the file, readable or not, in file order.</summary>
    public static IReadOnlyList<string> ReadNames(string path) =>
        ReadEntries(path, onlyName: string.Empty).Select(entry => entry.Name).ToList();

    private static List<MatEntry> ReadEntries(string path, string? onlyName)
    {
        var file = File.ReadAllBytes(path);
        try
        {
            if (MatLevel5Reader.HasLevel5Header(file))
            {
                return MatLevel5Reader.Read(file, path, onlyName);
            }

            if (file.AsSpan().StartsWith(Level5TextStart))
            {
                throw new RecordingFormatException($"{path}: truncated: a Level 5 MAT-file header needs {MatLevel5Reader.HeaderBytes} bytes, the file has {file.Length}");
            }

            if (MatLevel4Reader.HasLevel4Header(file))
            {
                return MatLevel4Reader.Read(file, path, onlyName);
            }
        }
        catch (ArgumentException exception)
        {
            // Defensive: a length the checks above missed; report it as a bad file rather than a crash.
            throw new RecordingFormatException($"{path}: corrupt MAT-file: {exception.Message}", exception);
        }

        throw new RecordingFormatException($"{path}: not a MAT-file (neither a Level 5 header nor a Level 4 matrix header at the start)");
    }
}
