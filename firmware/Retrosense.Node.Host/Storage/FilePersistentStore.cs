using System;
using System.IO;
using System.Text;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Host.Storage;

/// <summary>
/// The node's key-value store on a Linux gateway: one file per key under a directory. A write goes to a temporary file in
/// the same directory, is flushed to disk, and then renamed over the old file, so a crash or power cut leaves either the
/// old value or the new one, never a torn mix (rename(2) within a file system is atomic, POSIX.1-2017). Keys are
/// sanitised to file names: letters, digits and '-' pass, every other character becomes '_' and its UTF-16 code in hex,
/// so distinct keys never share a file and no key can climb out of the directory. Thread-safe.
/// </summary>
public sealed class FilePersistentStore : IPersistentStore
{
    private const string ValueExtension = ".bin";
    private readonly object _gate = new();

    public FilePersistentStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public bool TryRead(string key, byte[] buffer, out int length)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        length = 0;
        var path = PathFor(key);
        lock (_gate)
        {
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
                if (stream.Length > buffer.Length)
                {
                    return false;
                }

                var size = (int)stream.Length;
                stream.ReadExactly(buffer, 0, size);
                length = size;
                return true;
            }
            catch (FileNotFoundException)
            {
                return false;
            }
            catch (IOException)
            {
                length = 0;
                return false;
            }
        }
    }

    public bool Write(string key, byte[] buffer, int length)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, buffer.Length);
        var path = PathFor(key);
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        lock (_gate)
        {
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(buffer, 0, length);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temporary, path, overwrite: true);
                return true;
            }
            catch (IOException)
            {
                TryDelete(temporary);
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                TryDelete(temporary);
                return false;
            }
        }
    }

    public void Delete(string key)
    {
        var path = PathFor(key);
        lock (_gate)
        {
            TryDelete(path);
        }
    }

    /// <summary>The file name a key is stored under (without the directory).</summary>
    public static string FileNameFor(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var name = new StringBuilder(key.Length + ValueExtension.Length);
        foreach (var character in key)
        {
            if (char.IsAsciiLetterOrDigit(character) || character == '-')
            {
                name.Append(character);
            }
            else
            {
                name.Append('_').Append(((int)character).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return name.Append(ValueExtension).ToString();
    }

    private string PathFor(string key) => Path.Combine(Directory, FileNameFor(key));

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover file is overwritten or ignored later.
        }
    }
}
