using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace Retrosense.Recordings.Mat;

/// <summary>
/// Reads a Level 4 MAT-file (MATLAB 4, "-v4"): a plain sequence of matrices, each a 20-byte header (type, mrows, ncols,
/// imagf, namlen as 32-bit integers), the name with its NUL, the real part, then the imaginary part when imagf is 1.
/// The type is M·1000 + O·100 + P·10 + T ("MAT-File Format", MathWorks, "Level 4 MAT-File Format").
/// </summary>
internal static class MatLevel4Reader
{
    private const int HeaderBytes = 20;

    /// <summary>Longest name accepted; MATLAB names are at most 63 characters, this leaves room for other writers.</summary>
    private const int MaxNameBytes = 4096;

    /// <summary>True when the file starts with a plausible Level 4 matrix header in either byte order.</summary>
    public static bool HasLevel4Header(ReadOnlySpan<byte> file) => file.Length >= HeaderBytes && TryReadHeader(file, out _);

    /// <summary>Every matrix of the file; data is decoded only for <paramref name="onlyName"/> when it is given.</summary>
    public static List<MatEntry> Read(byte[] file, string path, string? onlyName)
    {
        var entries = new List<MatEntry>();
        var offset = 0;
        while (offset < file.Length)
        {
            var remaining = file.Length - offset;
            if (remaining < HeaderBytes)
            {
                throw new RecordingFormatException($"{path}: truncated: the matrix header at byte {offset} needs {HeaderBytes} bytes, only {remaining} remain");
            }

            if (!TryReadHeader(file.AsSpan(offset), out var header))
            {
                throw new RecordingFormatException($"{path}: not a valid Level 4 matrix header at byte {offset}");
            }

            var size = MatNumericDecoder.SizeOf(header.StoredType);
            var count = (long)header.Rows * header.Columns;
            var partBytes = count * size;
            var needed = HeaderBytes + header.NameBytes + (partBytes * (header.IsComplex ? 2 : 1));
            if (needed > remaining)
            {
                throw new RecordingFormatException($"{path}: truncated: the matrix at byte {offset} needs {needed} bytes, only {remaining} remain");
            }

            var name = Encoding.Latin1.GetString(file, offset + HeaderBytes, header.NameBytes);
            var terminator = name.IndexOf('\0', StringComparison.Ordinal);
            if (terminator >= 0)
            {
                name = name[..terminator];
            }

            var dataOffset = offset + HeaderBytes + header.NameBytes;
            entries.Add(ReadEntry(file.AsSpan(dataOffset, (int)partBytes), name, header, count, onlyName));
            offset = checked((int)(offset + needed));
        }

        return entries;
    }

    private static MatEntry ReadEntry(ReadOnlySpan<byte> realPart, string name, Header header, long count, string? onlyName)
    {
        if (header.MatrixType == 1)
        {
            return new MatEntry(name, null, "is char: only real numeric arrays are supported");
        }

        if (header.MatrixType == 2)
        {
            return new MatEntry(name, null, "is sparse: only real numeric arrays are supported");
        }

        if (header.IsComplex)
        {
            return new MatEntry(name, null, "is complex: only real numeric arrays are supported");
        }

        if (onlyName is not null && !string.Equals(name, onlyName, StringComparison.Ordinal))
        {
            return new MatEntry(name, null, null);
        }

        if (count > int.MaxValue)
        {
            return new MatEntry(name, null, $"is too large: {header.Rows}×{header.Columns} values");
        }

        var data = MatNumericDecoder.ToDoubles(realPart, header.StoredType, header.BigEndian, (int)count);
        return new MatEntry(name, new MatVariable(name, header.Rows, header.Columns, data), null);
    }

    /// <summary>
    /// The header is written in the byte order it declares (M = 0 little-endian IEEE, 1 big-endian IEEE), so try both and keep
    /// the reading whose M matches. VAX and Cray formats (M = 2..4) are refused: nothing writes them any more.
    /// </summary>
    private static bool TryReadHeader(ReadOnlySpan<byte> bytes, out Header header)
    {
        header = default;
        if (bytes.Length < HeaderBytes)
        {
            return false;
        }

        for (var machine = 0; machine <= 1; machine++)
        {
            var bigEndian = machine == 1;
            var type = ReadInt32(bytes, 0, bigEndian);
            if (type < 0 || type >= 5000 || type / 1000 != machine)
            {
                continue;
            }

            var order = (type / 100) % 10;
            var precision = (type / 10) % 10;
            var matrixType = type % 10;
            var rows = ReadInt32(bytes, 4, bigEndian);
            var columns = ReadInt32(bytes, 8, bigEndian);
            var imaginaryFlag = ReadInt32(bytes, 12, bigEndian);
            var nameBytes = ReadInt32(bytes, 16, bigEndian);
            if (order != 0 || precision > 5 || matrixType > 2 || rows < 0 || columns < 0 || imaginaryFlag is not (0 or 1)
                || nameBytes < 1 || nameBytes > MaxNameBytes)
            {
                continue;
            }

            header = new Header(bigEndian, ToStoredType(precision), matrixType, rows, columns, imaginaryFlag == 1, nameBytes);
            return true;
        }

        return false;
    }

    private static MatDataType ToStoredType(int precision) => precision switch
    {
        0 => MatDataType.Double,
        1 => MatDataType.Single,
        2 => MatDataType.Int32,
        3 => MatDataType.Int16,
        4 => MatDataType.UInt16,
        _ => MatDataType.UInt8,
    };

    private static int ReadInt32(ReadOnlySpan<byte> bytes, int offset, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadInt32BigEndian(bytes.Slice(offset, 4)) : BinaryPrimitives.ReadInt32LittleEndian(bytes.Slice(offset, 4));

    private readonly record struct Header(bool BigEndian, MatDataType StoredType, int MatrixType, int Rows, int Columns, bool IsComplex, int NameBytes);
}
