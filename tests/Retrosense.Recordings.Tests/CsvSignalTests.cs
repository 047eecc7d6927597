using System;
using System.IO;
using System.Text;

namespace Retrosense.Recordings.Tests;

public sealed class CsvSignalTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("time,ax,ay\n0,0.5,1\n0.001,-0.25,2\n")]
    [InlineData("time;ax;ay\n0;0.5;1\n0.001;-0.25;2\n")]
    [InlineData("time\tax\tay\n0\t0.5\t1\n0.001\t-0.25\t2\n")]
    [InlineData("time,ax,ay\r\n0,0.5,1\r\n0.001,-0.25,2\r\n")]
    [InlineData("time,ax,ay\r0,0.5,1\r0.001,-0.25,2")]
    public void Column_By_Header_Name_With_Any_Delimiter_And_Line_End(string text)
    {
        var path = _folder.WriteText("signal.csv", text);

        Assert.Equal([0.5, -0.25], CsvSignal.ReadColumn(path, "ax"));
    }

    [Fact]
    public void Utf8_Byte_Order_Mark_Does_Not_Become_Part_Of_The_First_Header()
    {
        var path = Path.Combine(_folder.Path, "bom.csv");
        File.WriteAllText(path, "ax,ay\n1.5,2\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal([1.5], CsvSignal.ReadColumn(path, "ax"));
    }

    [Fact]
    public void Quoted_Fields_May_Hold_Delimiters_Escaped_Quotes_And_Line_Breaks()
    {
        var text = "\"time, s\",\"the \"\"x\"\" axis\",\"note\"\n"
            + "0,\"1.25\",\"a, b\"\n"
            + "1,\"-2e-3\",\"two\nlines\"\n"
            + "2,3,plain\n";
        var path = _folder.WriteText("quoted.csv", text);

        Assert.Equal([1.25, -0.002, 3], CsvSignal.ReadColumn(path, "the \"x\" axis"));
        Assert.Equal([0.0, 1.0, 2.0], CsvSignal.ReadColumn(path, "time, s"));
    }

    [Fact]
    public void Without_A_Column_Name_The_First_Numeric_Column_Is_Read()
    {
        var path = _folder.WriteText("stamped.csv", "timestamp,ax\n2026-11-27T12:00:00Z,0.1\n2026-11-27T12:00:01Z,0.2\n");

        var column = CsvSignal.Read(path, null);

        Assert.Equal("ax", column.Name);
        Assert.Equal([0.1, 0.2], column.Values);
    }

    [Fact]
    public void Single_Column_File_Without_Header_Is_Read_Whole()
    {
        var path = _folder.WriteText("plain.csv", "1\n-2.5\n\n3e2\n");

        Assert.Equal([1.0, -2.5, 300.0], CsvSignal.ReadColumn(path, null));
        Assert.Equal([1.0, -2.5, 300.0], CsvSignal.ReadColumn(path, "1"));
        Assert.Equal("1", CsvSignal.Read(path, null).Name);
    }

    [Fact]
    public void Unknown_Column_Error_Lists_The_Available_Ones()
    {
        var path = _folder.WriteText("signal.csv", "time,ax,ay\n0,1,2\n");

        var error = Assert.Throws<RecordingFormatException>(() => CsvSignal.ReadColumn(path, "az"));

        Assert.Equal($"{path}: column 'az' not found; the file has: time, ax, ay", error.Message);
    }

    [Fact]
    public void Non_Numeric_Cell_Error_Names_Line_Column_And_Value()
    {
        var builder = new StringBuilder("time,ax\n");
        for (var line = 2; line < 17; line++)
        {
            builder.Append(line).Append(",0.5\n");
        }

        builder.Append("17,abc\n18,0.5\n");
        var path = _folder.WriteText("bad.csv", builder.ToString());

        var error = Assert.Throws<RecordingFormatException>(() => CsvSignal.ReadColumn(path, "ax"));

        Assert.Equal($"{path}: line 17, column 'ax': 'abc' is not a number", error.Message);
    }

    [Fact]
    public void Numbers_Use_The_Invariant_Culture_So_A_Decimal_Comma_Is_Refused()
    {
        var path = _folder.WriteText("european.csv", "ax;ay\n1,5;2\n");

        var error = Assert.Throws<RecordingFormatException>(() => CsvSignal.ReadColumn(path, "ax"));

        Assert.Equal($"{path}: line 2, column 'ax': '1,5' is not a number", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\r\n  \n")]
    [InlineData("\uFEFF")]
    public void Empty_File_Is_Reported_As_Empty(string text)
    {
        var path = _folder.WriteText("empty.csv", text);

        var error = Assert.Throws<RecordingFormatException>(() => CsvSignal.ReadColumn(path, null));

        Assert.StartsWith($"{path}: empty file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_Without_Data_Rows_Is_Reported_As_Empty()
    {
        var path = _folder.WriteText("header-only.csv", "time,ax\n");

        var error = Assert.Throws<RecordingFormatException>(() => CsvSignal.ReadColumn(path, "ax"));

        Assert.Equal($"{path}: empty file: a header row but no data rows", error.Message);
    }

    [Fact]
    public void Short_Row_Is_Reported_With_Its_Line()
    {
        var path = _folder.WriteText("short.csv", "time,ax\n0,1\n1\n");

        var error = Assert.Throws<RecordingFormatException>(() => CsvSignal.ReadColumn(path, "ax"));

        Assert.Equal($"{path}: line 3 has 1 fields, column 'ax' is field 2", error.Message);
    }

    [Fact]
    public void Unclosed_Quote_Is_Reported_With_Its_Line()
    {
        var path = _folder.WriteText("quote.csv", "ax\n1\n\"2\n3\n");

        var error = Assert.Throws<RecordingFormatException>(() => CsvSignal.ReadColumn(path, "ax"));

        Assert.Equal($"{path}: line 3: a quoted field is never closed", error.Message);
    }
}
