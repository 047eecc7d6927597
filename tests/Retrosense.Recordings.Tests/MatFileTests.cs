using System;
using System.Linq;
using Retrosense.Testing;

namespace Retrosense.Recordings.Tests;

public sealed class MatFileTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Level5_Double_Column_Vector_Reads_Back_In_Either_Byte_Order_Compressed_Or_Not(bool bigEndian, bool compressed)
    {
        var values = new[] { 0.5, -1.25, 3e-5, 1234.5678, double.Epsilon };
        var path = _folder.Write("v5.mat", MatTestFileWriter.Level5(bigEndian, compressed, new TestMatrix("signal_DE_time", 5, 1, values)));

        var variable = MatFile.ReadVariable(path, "signal_DE_time");

        Assert.Equal("signal_DE_time", variable.Name);
        Assert.Equal(5, variable.Rows);
        Assert.Equal(1, variable.Columns);
        Assert.Equal(values, variable.Data);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Level5_Int16_Matrix_Keeps_Column_Major_Order(bool bigEndian, bool compressed)
    {
        // 2×3 matrix [1 3 5; 2 4 -32768] stored column by column as miINT16 in an mxINT16 array.
        var columnMajor = new double[] { 1, 2, 3, 4, 5, -32768 };
        var path = _folder.Write("int16.mat", MatTestFileWriter.Level5(bigEndian, compressed, new TestMatrix("counts", 2, 3, columnMajor, StoredType: 3, ArrayClass: 10)));

        var variable = MatFile.ReadVariable(path, "counts");

        Assert.Equal((2, 3), (variable.Rows, variable.Columns));
        Assert.Equal(columnMajor, variable.Data);
        Assert.False(variable.IsVector);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Level5_Small_Element_Name_And_Uint16_Scalar_Read_As_Double(bool bigEndian)
    {
        // As in the CWRU files: a double-class scalar whose value MATLAB packed as miUINT16 into a small data element,
        // and a name of at most 4 bytes that goes into a small element too.
        var path = _folder.Write("small.mat", MatTestFileWriter.Level5(bigEndian, compressed: false, new TestMatrix("rpm", 1, 1, [1797], StoredType: 4)));

        var variable = MatFile.ReadVariable(path, "rpm");

        Assert.Equal(1, variable.Rows);
        Assert.Equal(1, variable.Columns);
        Assert.Equal(1797.0, Assert.Single(variable.Data));
    }

    [Theory]
    [InlineData(1, -128.0)]
    [InlineData(2, 255.0)]
    [InlineData(3, -32768.0)]
    [InlineData(4, 65535.0)]
    [InlineData(5, -2147483648.0)]
    [InlineData(6, 4294967295.0)]
    [InlineData(7, 0.25)]
    [InlineData(9, -0.1)]
    [InlineData(12, -9007199254740992.0)]
    [InlineData(13, 9007199254740992.0)]
    public void Level5_Every_Numeric_Stored_Type_Converts_To_Double(int storedType, double extreme)
    {
        var values = new[] { 0.0, 1.0, extreme, 7.0, 100.0 };
        var path = _folder.Write("types.mat", MatTestFileWriter.Level5(bigEndian: true, compressed: false, new TestMatrix("v", 1, 5, values, StoredType: storedType)));

        var variable = MatFile.ReadVariable(path, "v");

        Assert.Equal(values, variable.Data);
    }

    [Fact]
    public void Read_Lists_Real_Numeric_Variables_And_Skips_Complex_And_Char_Ones()
    {
        var path = _folder.Write("mixed.mat", MatTestFileWriter.Level5(
            bigEndian: false,
            compressed: true,
            new TestMatrix("first", 3, 1, [1, 2, 3]),
            new TestMatrix("z", 2, 1, [1, 2], Imaginary: [3, 4]),
            new TestMatrix("label", 1, 3, [97, 98, 99], StoredType: 17, ArrayClass: 4),
            new TestMatrix("last", 1, 2, [4, 5], StoredType: 7, ArrayClass: 7)));

        var variables = MatFile.Read(path);

        Assert.Equal(["first", "last"], variables.Select(variable => variable.Name));
        Assert.Equal(["first", "z", "label", "last"], MatFile.ReadNames(path));
    }

    [Fact]
    public void Complex_Variable_Asked_For_By_Name_Is_Refused_With_The_Reason()
    {
        var path = _folder.Write("complex.mat", MatTestFileWriter.Level5(false, false, new TestMatrix("z", 2, 1, [1, 2], Imaginary: [3, 4])));

        var error = Assert.Throws<RecordingFormatException>(() => MatFile.ReadVariable(path, "z"));

        Assert.Equal($"{path}: variable 'z' is complex: only real numeric arrays are supported", error.Message);
    }

    [Fact]
    public void Char_Variable_Asked_For_By_Name_Is_Refused_With_The_Reason()
    {
        var path = _folder.Write("char.mat", MatTestFileWriter.Level5(false, false, new TestMatrix("label", 1, 3, [97, 98, 99], StoredType: 17, ArrayClass: 4)));

        var error = Assert.Throws<RecordingFormatException>(() => MatFile.ReadVariable(path, "label"));

        Assert.Contains("variable 'label' is char: only real numeric arrays are supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_Variable_Error_Lists_The_Variables_The_File_Has()
    {
        var path = _folder.Write("two.mat", MatTestFileWriter.Level5(false, false, new TestMatrix("a", 1, 1, [1]), new TestMatrix("bb", 1, 1, [2])));

        var error = Assert.Throws<RecordingFormatException>(() => MatFile.ReadVariable(path, "X"));

        Assert.Equal($"{path}: variable 'X' not found; the file has: a, bb", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Truncated_Level5_File_Is_Reported_As_Truncated(bool compressed)
    {
        var whole = MatTestFileWriter.Level5(false, compressed, new TestMatrix("signal", 100, 1, Enumerable.Range(0, 100).Select(i => (double)i).ToArray()));
        var path = _folder.Write("cut.mat", whole[..(whole.Length - 40)]);

        var error = Assert.Throws<RecordingFormatException>(() => MatFile.Read(path));

        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_Cut_Inside_The_Level5_Header_Is_Reported_As_Truncated()
    {
        var whole = MatTestFileWriter.Level5(false, false, new TestMatrix("a", 1, 1, [1]));
        var path = _folder.Write("header.mat", whole[..60]);

        var error = Assert.Throws<RecordingFormatException>(() => MatFile.Read(path));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("time,ax\n0,1\n0.001,2\n")]
    [InlineData("")]
    [InlineData("x")]
    public void File_That_Is_Not_A_Mat_File_Says_So(string content)
    {
        var path = _folder.WriteText("wrong.mat", content);

        var error = Assert.Throws<RecordingFormatException>(() => MatFile.Read(path));

        Assert.StartsWith($"{path}: not a MAT-file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_7_3_Hdf5_File_Is_Refused_With_A_Hint()
    {
        var path = _folder.Write("v73.mat", MatTestFileWriter.Level73Header());

        var error = Assert.Throws<RecordingFormatException>(() => MatFile.Read(path));

        Assert.Contains("7.3 (HDF5) is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_Compressed_Element_Is_Reported()
    {
        var file = MatTestFileWriter.Level5(false, true, new TestMatrix("signal", 50, 1, Enumerable.Range(0, 50).Select(i => Math.Sin(i)).ToArray()));
        for (var i = 140; i < file.Length; i++)
        {
            file[i] ^= 0x5A;
        }

        var path = _folder.Write("corrupt.mat", file);

        var error = Assert.Throws<RecordingFormatException>(() => MatFile.Read(path));

        Assert.Contains("compressed element at byte 128", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    [InlineData(true, 3)]
    [InlineData(false, 4)]
    [InlineData(true, 5)]
    [InlineData(false, 2)]
    public void Level4_Matrix_Reads_Back_In_Either_Byte_Order_And_Any_Precision(bool bigEndian, int precision)
    {
        var columnMajor = new double[] { 1, 2, 3, 4, 5, 250 };
        var file = MatTestFileWriter.Level4(
            bigEndian,
            (new TestMatrix("before", 1, 1, [42]), 0, 0),
            (new TestMatrix("counts", 2, 3, columnMajor), precision, 0));
        var path = _folder.Write("v4.mat", file);

        var variable = MatFile.ReadVariable(path, "counts");

        Assert.Equal((2, 3), (variable.Rows, variable.Columns));
        Assert.Equal(columnMajor, variable.Data);
        Assert.Equal(["before", "counts"], MatFile.Read(path).Select(v => v.Name));
    }

    [Fact]
    public void Level4_Complex_And_Text_Matrices_Are_Skipped_And_Refused_By_Name()
    {
        var file = MatTestFileWriter.Level4(
            false,
            (new TestMatrix("z", 2, 1, [1, 2], Imaginary: [3, 4]), 0, 0),
            (new TestMatrix("label", 1, 2, [104, 105]), 0, 1),
            (new TestMatrix("ok", 1, 1, [7]), 0, 0));
        var path = _folder.Write("v4mixed.mat", file);

        Assert.Equal(["ok"], MatFile.Read(path).Select(v => v.Name));
        Assert.Contains("'z' is complex", Assert.Throws<RecordingFormatException>(() => MatFile.ReadVariable(path, "z")).Message, StringComparison.Ordinal);
        Assert.Contains("'label' is char", Assert.Throws<RecordingFormatException>(() => MatFile.ReadVariable(path, "label")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_Level4_File_Is_Reported_As_Truncated()
    {
        var whole = MatTestFileWriter.Level4(false, (new TestMatrix("signal", 10, 1, new double[10]), 0, 0));
        var path = _folder.Write("v4cut.mat", whole[..^8]);

        var error = Assert.Throws<RecordingFormatException>(() => MatFile.Read(path));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cwru_Inner_Race_File_Has_Three_Channels_And_The_Rpm()
    {
        var path = RepositoryPaths.RequireDataFile("bearing/IR007_0.mat");

        var variables = MatFile.Read(path);

        Assert.Equal(["X105_DE_time", "X105_FE_time", "X105_BA_time", "X105RPM"], variables.Select(v => v.Name));
        foreach (var channel in variables.Take(3))
        {
            Assert.Equal((121_265, 1), (channel.Rows, channel.Columns));
            Assert.All(channel.Data, value => Assert.True(double.IsFinite(value)));
        }

        Assert.Equal(1797.0, Assert.Single(variables[3].Data));
    }

    [Fact]
    public void Cwru_Drive_End_Channel_Starts_With_The_Values_An_Independent_Parser_Read()
    {
        // First three samples of X105_DE_time, read with a separate Python struct-based parser of the same file.
        var path = RepositoryPaths.RequireDataFile("bearing/IR007_0.mat");

        var driveEnd = MatFile.ReadVariable(path, "X105_DE_time");

        Assert.Equal([-0.08300435129740519, -0.19573433133732535, 0.23341928143712576], driveEnd.Data[..3]);
    }

    [Fact]
    public void Cwru_Normal_File_Has_243938_Samples_Per_Channel()
    {
        var path = RepositoryPaths.RequireDataFile("bearing/Normal_0.mat");

        var driveEnd = MatFile.ReadVariable(path, "X097_DE_time");

        Assert.Equal(243_938, driveEnd.Data.Length);
        Assert.Equal(1796.0, Assert.Single(MatFile.ReadVariable(path, "X097RPM").Data));
    }
}
