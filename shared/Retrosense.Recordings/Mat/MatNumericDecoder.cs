using System;
using System.Buffers.Binary;

namespace Retrosense.Recordings.Mat;

/// <summary>Converts a block of stored numbers (any MAT numeric type, either byte order) to doubles.</summary>
internal static class MatNumericDecoder
{
    /// <summary>Bytes per value of a numeric stored type, or 0 when the type is not numeric.</summary>
    public static int SizeOf(MatDataType type) => type switch
    {
        MatDataType.Int8 or MatDataType.UInt8 => 1,
        MatDataType.Int16 or MatDataType.UInt16 => 2,
        MatDataType.Int32 or MatDataType.UInt32 or MatDataType.Single => 4,
        MatDataType.Double or MatDataType.Int64 or MatDataType.UInt64 => 8,
        _ => 0,
    };

    /// <summary>Decodes <paramref name="count"/> values of <paramref name="type"/> from <paramref name="bytes"/>.</summary>
    public static double[] ToDoubles(ReadOnlySpan<byte> bytes, MatDataType type, bool bigEndian, int count)
    {
        var size = SizeOf(type);
        if (size == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "not a numeric MAT data type");
        }

        if (bytes.Length < (long)count * size)
        {
            throw new ArgumentException($"{count} values of {type} need {(long)count * size} bytes, the block has {bytes.Length}", nameof(bytes));
        }

        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var at = bytes.Slice(i * size, size);
            values[i] = type switch
            {
                MatDataType.Int8 => (sbyte)at[0],
                MatDataType.UInt8 => at[0],
                MatDataType.Int16 => bigEndian ? BinaryPrimitives.ReadInt16BigEndian(at) : BinaryPrimitives.ReadInt16LittleEndian(at),
                MatDataType.UInt16 => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(at) : BinaryPrimitives.ReadUInt16LittleEndian(at),
                MatDataType.Int32 => bigEndian ? BinaryPrimitives.ReadInt32BigEndian(at) : BinaryPrimitives.ReadInt32LittleEndian(at),
                MatDataType.UInt32 => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(at) : BinaryPrimitives.ReadUInt32LittleEndian(at),
                MatDataType.Int64 => bigEndian ? BinaryPrimitives.ReadInt64BigEndian(at) : BinaryPrimitives.ReadInt64LittleEndian(at),
                MatDataType.UInt64 => bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(at) : BinaryPrimitives.ReadUInt64LittleEndian(at),
                MatDataType.Single => bigEndian ? BinaryPrimitives.ReadSingleBigEndian(at) : BinaryPrimitives.ReadSingleLittleEndian(at),
                _ => bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(at) : BinaryPrimitives.ReadDoubleLittleEndian(at),
            };
        }

        return values;
    }
}
