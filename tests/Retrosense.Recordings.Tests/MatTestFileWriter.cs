using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace Retrosense.Recordings.Tests;

/// <summary>One array to write into a test MAT-file.</summary>
/// <param name="Name">Variable name.</param>
/// <param name="Rows">Rows.</param>
/// <param name="Columns">Columns.</param>
/// <param name="Values">Values in column-major order, converted to the stored type on writing.</param>
/// <param name="StoredType">Level 5 data type code the real part is stored as (1 miINT8 … 9 miDOUBLE … 13 miUINT64).</param>
/// <param name="ArrayClass">Level 5 array class (6 mxDOUBLE, 4 mxCHAR, …).</param>
/// <param name="Imaginary">Imaginary part, or null for a real array.</param>
internal sealed record TestMatrix(string Name, int Rows, int Columns, double[] Values, int StoredType = 9, int ArrayClass = 6, double[]? Imaginary = null);

/// <summary>
/// Writes small MAT-files for the reader's tests, following "MAT-File Format" (MathWorks): Level 5 with either byte order,
/// optionally each variable in its own miCOMPRESSED element, and Level 4. Like MATLAB it uses a small data element for any
/// name or real part of at most 4 bytes.
/// </summary>
internal static class MatTestFileWriter
{
    public static byte[] Level5(bool bigEndian, bool compressed, params TestMatrix[] matrices)
    {
        var output = new MemoryStream();
        var text = Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file, Platform: test, Created on: by the Retrosense tests");
        var header = new byte[128];
        header.AsSpan(0, 116).Fill((byte)' ');
        text.CopyTo(header, 0);
        WriteUInt16(header.AsSpan(124), 0x0100, bigEndian);
        WriteUInt16(header.AsSpan(126), ('M' << 8) | 'I', bigEndian);
        output.Write(header);

        foreach (var matrix in matrices)
        {
            var element = MatrixElement(matrix, bigEndian);
            if (compressed)
            {
                var zipped = new MemoryStream();
                using (var zlib = new ZLibStream(zipped, CompressionLevel.Optimal, leaveOpen: true))
                {
                    zlib.Write(element);
                }

                output.Write(Tag(15, zipped.Length, bigEndian));
                output.Write(zipped.ToArray());
            }
            else
            {
                output.Write(element);
            }
        }

        return output.ToArray();
    }

    /// <summary>A Level 5 file whose header carries version 0x0200, as MATLAB 7.3 (HDF5) files do.</summary>
    public static byte[] Level73Header()
    {
        var file = Level5(bigEndian: false, compressed: false);
        WriteUInt16(file.AsSpan(124), 0x0200, bigEndian: false);
        return file;
    }

    /// <summary>A Level 4 file; <paramref name="precision"/> is P (0 double, 1 single, 2 int32, 3 int16, 4 uint16, 5 uint8).</summary>
    public static byte[] Level4(bool bigEndian, params (TestMatrix Matrix, int Precision, int MatrixType)[] matrices)
    {
        var output = new MemoryStream();
        foreach (var (matrix, precision, matrixType) in matrices)
        {
            var type = ((bigEndian ? 1 : 0) * 1000) + (precision * 10) + matrixType;
            var name = Encoding.ASCII.GetBytes(matrix.Name + "\0");
            var header = new byte[20];
            WriteInt32(header.AsSpan(0), type, bigEndian);
            WriteInt32(header.AsSpan(4), matrix.Rows, bigEndian);
            WriteInt32(header.AsSpan(8), matrix.Columns, bigEndian);
            WriteInt32(header.AsSpan(12), matrix.Imaginary is null ? 0 : 1, bigEndian);
            WriteInt32(header.AsSpan(16), name.Length, bigEndian);
            output.Write(header);
            output.Write(name);
            var storedType = precision switch { 0 => 9, 1 => 7, 2 => 5, 3 => 3, 4 => 4, _ => 2 };
            output.Write(Encode(matrix.Values, storedType, bigEndian));
            if (matrix.Imaginary is not null)
            {
                output.Write(Encode(matrix.Imaginary, storedType, bigEndian));
            }
        }

        return output.ToArray();
    }

    private static byte[] MatrixElement(TestMatrix matrix, bool bigEndian)
    {
        var body = new MemoryStream();
        var flags = new byte[8];
        WriteUInt32(flags, (uint)matrix.ArrayClass | (matrix.Imaginary is null ? 0u : 0x0800u), bigEndian);
        body.Write(Element(6, flags, bigEndian));
        var dimensions = new byte[8];
        WriteInt32(dimensions.AsSpan(0), matrix.Rows, bigEndian);
        WriteInt32(dimensions.AsSpan(4), matrix.Columns, bigEndian);
        body.Write(Element(5, dimensions, bigEndian));
        body.Write(Element(1, Encoding.ASCII.GetBytes(matrix.Name), bigEndian));
        body.Write(Element(matrix.StoredType, Encode(matrix.Values, matrix.StoredType, bigEndian), bigEndian));
        if (matrix.Imaginary is not null)
        {
            body.Write(Element(matrix.StoredType, Encode(matrix.Imaginary, matrix.StoredType, bigEndian), bigEndian));
        }

        var element = new MemoryStream();
        element.Write(Tag(14, body.Length, bigEndian));
        element.Write(body.ToArray());
        return element.ToArray();
    }

    /// <summary>A data element: small (type and count packed in one word, data in the next 4 bytes) when it fits, else tag + data padded to 8.</summary>
    private static byte[] Element(int type, byte[] data, bool bigEndian)
    {
        if (data.Length is > 0 and <= 4)
        {
            var small = new byte[8];
            WriteUInt32(small, ((uint)data.Length << 16) | (uint)type, bigEndian);
            data.CopyTo(small, 4);
            return small;
        }

        var padded = new byte[8 + ((data.Length + 7) / 8 * 8)];
        Tag(type, data.Length, bigEndian).CopyTo(padded, 0);
        data.CopyTo(padded, 8);
        return padded;
    }

    private static byte[] Tag(int type, long byteCount, bool bigEndian)
    {
        var tag = new byte[8];
        WriteUInt32(tag.AsSpan(0), (uint)type, bigEndian);
        WriteUInt32(tag.AsSpan(4), (uint)byteCount, bigEndian);
        return tag;
    }

    private static byte[] Encode(double[] values, int storedType, bool bigEndian)
    {
        var bytes = new List<byte>();
        foreach (var value in values)
        {
            var one = storedType switch
            {
                1 => new[] { (byte)(sbyte)value },
                2 => new[] { (byte)value },
                3 => Bytes(2, span => WriteInt16(span, (short)value, bigEndian)),
                4 => Bytes(2, span => WriteUInt16(span, (ushort)value, bigEndian)),
                5 => Bytes(4, span => WriteInt32(span, (int)value, bigEndian)),
                6 => Bytes(4, span => WriteUInt32(span, (uint)value, bigEndian)),
                7 => Bytes(4, span => { if (bigEndian) { BinaryPrimitives.WriteSingleBigEndian(span, (float)value); } else { BinaryPrimitives.WriteSingleLittleEndian(span, (float)value); } }),
                12 => Bytes(8, span => { if (bigEndian) { BinaryPrimitives.WriteInt64BigEndian(span, (long)value); } else { BinaryPrimitives.WriteInt64LittleEndian(span, (long)value); } }),
                13 => Bytes(8, span => { if (bigEndian) { BinaryPrimitives.WriteUInt64BigEndian(span, (ulong)value); } else { BinaryPrimitives.WriteUInt64LittleEndian(span, (ulong)value); } }),
                _ => Bytes(8, span => { if (bigEndian) { BinaryPrimitives.WriteDoubleBigEndian(span, value); } else { BinaryPrimitives.WriteDoubleLittleEndian(span, value); } }),
            };
            bytes.AddRange(one);
        }

        return bytes.ToArray();
    }

    private delegate void SpanWriter(Span<byte> span);

    private static byte[] Bytes(int size, SpanWriter write)
    {
        var bytes = new byte[size];
        write(bytes);
        return bytes;
    }

    private static void WriteInt16(Span<byte> span, short value, bool bigEndian)
    {
        if (bigEndian) { BinaryPrimitives.WriteInt16BigEndian(span, value); } else { BinaryPrimitives.WriteInt16LittleEndian(span, value); }
    }

    private static void WriteUInt16(Span<byte> span, int value, bool bigEndian)
    {
        if (bigEndian) { BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)value); } else { BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)value); }
    }

    private static void WriteInt32(Span<byte> span, int value, bool bigEndian)
    {
        if (bigEndian) { BinaryPrimitives.WriteInt32BigEndian(span, value); } else { BinaryPrimitives.WriteInt32LittleEndian(span, value); }
    }

    private static void WriteUInt32(Span<byte> span, uint value, bool bigEndian)
    {
        if (bigEndian) { BinaryPrimitives.WriteUInt32BigEndian(span, value); } else { BinaryPrimitives.WriteUInt32LittleEndian(span, value); }
    }
}
