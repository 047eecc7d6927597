namespace Retrosense.Recordings.Mat;

/// <summary>Array classes of a Level 5 miMATRIX element ("MAT-File Format", MathWorks, Table 1-3).</summary>
internal enum MatArrayClass
{
    Cell = 1,
    Struct = 2,
    Object = 3,
    Char = 4,
    Sparse = 5,
    Double = 6,
    Single = 7,
    Int8 = 8,
    UInt8 = 9,
    Int16 = 10,
    UInt16 = 11,
    Int32 = 12,
    UInt32 = 13,
    Int64 = 14,
    UInt64 = 15,
    Function = 16,
    Opaque = 17,
}
