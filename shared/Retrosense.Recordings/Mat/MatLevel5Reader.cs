using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace Retrosense.Recordings.Mat;

/// <summary>
/// Reads a Level 5 MAT-file (MATLAB 5 to 7, "-v6"/"-v7"): a 128-byte header, then tagged data elements aligned to 8 bytes.
/// Layout from "MAT-File Format" (MathWorks, R2022b), chapter 1.
/// </summary>
internal sealed class MatLevel5Reader
{
    /// <summary>Bytes of the descriptive text + subsystem offset + version + endian indicator.</summary>
    public const int HeaderBytes = 128;

    private const ushort Version5 = 0x0100;

    /// <summary>MATLAB 7.3 files carry this version in a Level-5-like header but are HDF5 inside.</summary>
    private const ushort Version73 = 0x0200;

    private const uint ComplexFlag = 0x0800;

    private readonly string _path;
    private readonly string? _onlyName;
    private readonly bool _bigEndian;

    private MatLevel5Reader(string path, string? onlyName, bool bigEndian)
    {
        _path = path;
        _onlyName = onlyName;
        _bigEndian = bigEndian;
    }

    /// <summary>
    /// True when the file starts like a Level 5 MAT-file: its first four bytes are text (a Level 4 file has a zero among them,
    /// as its first word is a small type code) and bytes 126–127 are the endian indicator "IM" or "MI".
    /// </summary>
    public static bool HasLevel5Header(ReadOnlySpan<byte> file)
    {
        if (file.Length < HeaderBytes)
        {
            return false;
        }

        if (file[0] == 0 || file[1] == 0 || file[2] == 0 || file[3] == 0)
        {
            return false;
        }

        return (file[126] == (byte)'I' && file[127] == (byte)'M') || (file[126] == (byte)'M' && file[127] == (byte)'I');
    }

    /// <summary>Every variable of the file; data is decoded only for <paramref name="onlyName"/> when it is given.</summary>
    public static List<MatEntry> Read(byte[] file, string path, string? onlyName)
    {
        // "IM" read as bytes means the writer stored 'M''I' as a little-endian 16-bit value.
        var bigEndian = file[126] == (byte)'M';
        var reader = new MatLevel5Reader(path, onlyName, bigEndian);
        var version = reader.ReadUInt16(file.AsSpan(124, 2));
        if (version == Version73)
        {
            throw new RecordingFormatException($"{path}: MAT-file version 7.3 (HDF5) is not supported; save it with -v7 or -v6");
        }

        if (version != Version5)
        {
            throw new RecordingFormatException($"{path}: not a MAT-file (unknown Level 5 version 0x{version:X4})");
        }

        var entries = new List<MatEntry>();
        reader.ReadElements(file.AsSpan(HeaderBytes), HeaderBytes, entries, "file");
        return entries;
    }

    private void ReadElements(ReadOnlySpan<byte> region, long regionOffset, List<MatEntry> entries, string where)
    {
        var offset = 0;
        while (offset < region.Length)
        {
            var tag = ReadTag(region, offset, regionOffset, where);
            var body = region.Slice(tag.DataOffset, tag.ByteCount);
            switch (tag.Type)
            {
                case (uint)MatDataType.Matrix:
                    var entry = ReadMatrix(body, regionOffset + tag.DataOffset);
                    if (entry is not null)
                    {
                        entries.Add(entry);
                    }

                    break;
                case (uint)MatDataType.Compressed:
                    var inflated = Inflate(body, regionOffset + offset);
                    ReadElements(inflated, 0, entries, $"compressed element at byte {regionOffset + offset}");
                    break;
                default:
                    // Anything else at top level is not a variable (the spec allows none); step over it.
                    break;
            }

            offset = tag.NextOffset;
        }
    }

    /// <summary>
    /// Reads the miMATRIX sub-elements: array flags, dimensions, name, then the real part.
    /// Returns null for an empty miMATRIX (MATLAB writes those for empty cells).
    /// </summary>
    private MatEntry? ReadMatrix(ReadOnlySpan<byte> body, long bodyOffset)
    {
        if (body.Length == 0)
        {
            return null;
        }

        var where = $"matrix at byte {bodyOffset}";
        var flagsTag = ReadTag(body, 0, bodyOffset, where);
        if (flagsTag.ByteCount < 4)
        {
            throw new RecordingFormatException($"{_path}: {where}: array flags hold {flagsTag.ByteCount} bytes, expected 8");
        }

        var flags = ReadUInt32(body.Slice(flagsTag.DataOffset, 4));
        var arrayClass = (MatArrayClass)(flags & 0xFF);
        var isComplex = (flags & ComplexFlag) != 0;

        int[] dimensions;
        string name;
        int realOffset;
        try
        {
            var dimensionsTag = ReadTag(body, flagsTag.NextOffset, bodyOffset, where);
            var dimensionsType = (MatDataType)dimensionsTag.Type;
            var dimensionCount = MatNumericDecoder.SizeOf(dimensionsType) == 0 ? 0 : dimensionsTag.ByteCount / MatNumericDecoder.SizeOf(dimensionsType);
            var dimensionValues = MatNumericDecoder.ToDoubles(body.Slice(dimensionsTag.DataOffset, dimensionsTag.ByteCount), dimensionsType, _bigEndian, dimensionCount);
            dimensions = Array.ConvertAll(dimensionValues, d => (int)d);

            var nameTag = ReadTag(body, dimensionsTag.NextOffset, bodyOffset, where);
            name = Encoding.Latin1.GetString(body.Slice(nameTag.DataOffset, nameTag.ByteCount)).TrimEnd('\0');
            realOffset = nameTag.NextOffset;
        }
        catch (Exception exception) when (!IsNumeric(arrayClass) && exception is RecordingFormatException or ArgumentException)
        {
            // Objects and opaque classes lay out their headers differently; they are skipped anyway, so keep the file readable.
            return new MatEntry($"(unnamed {arrayClass} at byte {bodyOffset})", null, $"is {Describe(arrayClass)}: only real numeric arrays are supported");
        }

        if (!IsNumeric(arrayClass))
        {
            return new MatEntry(name, null, $"is {Describe(arrayClass)}: only real numeric arrays are supported");
        }

        if (isComplex)
        {
            return new MatEntry(name, null, "is complex: only real numeric arrays are supported");
        }

        if (dimensions.Length != 2)
        {
            return new MatEntry(name, null, $"has {dimensions.Length} dimensions: only 2-D real numeric arrays are supported");
        }

        if (_onlyName is not null && !string.Equals(name, _onlyName, StringComparison.Ordinal))
        {
            return new MatEntry(name, null, null);
        }

        var rows = dimensions[0];
        var columns = dimensions[1];
        var count = (long)rows * columns;
        if (rows < 0 || columns < 0 || count > int.MaxValue)
        {
            return new MatEntry(name, null, $"is malformed: dimensions {rows}×{columns}");
        }

        var realTag = ReadTag(body, realOffset, bodyOffset, where);
        var storedType = (MatDataType)realTag.Type;
        var size = MatNumericDecoder.SizeOf(storedType);
        if (size == 0)
        {
            return new MatEntry(name, null, $"is malformed: its real part has data type {realTag.Type}, not a numeric type");
        }

        if (realTag.ByteCount != count * size)
        {
            return new MatEntry(name, null, $"is malformed: its real part holds {realTag.ByteCount} bytes of {storedType}, {rows}×{columns} values need {count * size}");
        }

        var data = MatNumericDecoder.ToDoubles(body.Slice(realTag.DataOffset, realTag.ByteCount), storedType, _bigEndian, (int)count);
        return new MatEntry(name, new MatVariable(name, rows, columns, data), null);
    }

    private byte[] Inflate(ReadOnlySpan<byte> compressed, long elementOffset)
    {
        try
        {
            using var input = new MemoryStream(compressed.ToArray(), writable: false);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            zlib.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException exception)
        {
            throw new RecordingFormatException($"{_path}: compressed element at byte {elementOffset} is corrupt or truncated: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// Reads a data element tag at <paramref name="offset"/>. A small data element packs byte count (high 16 bits) and type
    /// (low 16 bits) into one 32-bit word with up to 4 bytes of data after it; a normal tag is type then byte count, and its
    /// data is padded to 8 bytes (except miCOMPRESSED, whose byte count already covers the whole element).
    /// </summary>
    private Tag ReadTag(ReadOnlySpan<byte> region, int offset, long regionOffset, string where)
    {
        var remaining = region.Length - offset;
        if (remaining < 8)
        {
            throw Truncated(regionOffset + offset, 8, remaining, where);
        }

        var first = ReadUInt32(region.Slice(offset, 4));
        var smallByteCount = first >> 16;
        if (smallByteCount != 0)
        {
            if (smallByteCount > 4)
            {
                throw new RecordingFormatException($"{_path}: {where}: small data element at byte {regionOffset + offset} claims {smallByteCount} bytes (at most 4 fit)");
            }

            return new Tag(first & 0xFFFF, (int)smallByteCount, offset + 4, offset + 8);
        }

        var type = first;
        var byteCount = ReadUInt32(region.Slice(offset + 4, 4));
        if (byteCount > remaining - 8)
        {
            throw Truncated(regionOffset + offset, 8 + (long)byteCount, remaining, where);
        }

        var dataOffset = offset + 8;
        long next = type == (uint)MatDataType.Compressed ? dataOffset + (long)byteCount : dataOffset + AlignTo8(byteCount);

        // The last element of a region may omit its padding.
        return new Tag(type, (int)byteCount, dataOffset, (int)Math.Min(next, region.Length));
    }

    private RecordingFormatException Truncated(long elementOffset, long needed, int remaining, string where) =>
        new($"{_path}: truncated: the element at byte {elementOffset} of the {where} needs {needed} bytes, only {remaining} remain");

    private static long AlignTo8(uint byteCount) => (byteCount + 7L) & ~7L;

    private uint ReadUInt32(ReadOnlySpan<byte> bytes) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    private ushort ReadUInt16(ReadOnlySpan<byte> bytes) =>
        _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);

    private static bool IsNumeric(MatArrayClass arrayClass) => arrayClass is >= MatArrayClass.Double and <= MatArrayClass.UInt64;

    private static string Describe(MatArrayClass arrayClass) => arrayClass switch
    {
        MatArrayClass.Cell => "a cell array",
        MatArrayClass.Struct => "a struct",
        MatArrayClass.Object => "an object",
        MatArrayClass.Char => "char",
        MatArrayClass.Sparse => "sparse",
        MatArrayClass.Function => "a function handle",
        MatArrayClass.Opaque => "an opaque object (string, table, …)",
        _ => $"of unknown array class {(int)arrayClass}",
    };

    private readonly record struct Tag(uint Type, int ByteCount, int DataOffset, int NextOffset);
}
