using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Retrosense.Analytics.Data;

namespace Retrosense.Analytics.Tests.Data;

public sealed class DelimitedTextReaderTests
{
    [Theory]
    [InlineData(",")]
    [InlineData(";")]
    [InlineData("\t")]
    public void Detects_The_Delimiter_From_The_Header(string delimiter)
    {
        var table = DelimitedTextReader.ReadText($"a{delimiter}b{delimiter}c\n1{delimiter}2.5{delimiter}x\n", "t.csv");

        Assert.Equal(delimiter[0], table.Delimiter);
        Assert.Equal(["a", "b", "c"], table.ColumnNames);
        Assert.Equal([2.5], table.ReadDoubles("b"));
        Assert.Equal<string?[]>(new string?[] { "x" }, table.ReadTexts("c"));
    }

    [Fact]
    public void Quoted_Fields_Hold_Delimiters_Doubled_Quotes_And_Line_Breaks()
    {
        var table = DelimitedTextReader.ReadText("id,note,value\n1,\"a, b\",3\n2,\"say \"\"hi\"\"\",4\n3,\"two\nlines\",5\n4,plain,6\n", "q.csv");

        Assert.Equal<string?[]>(new string?[] { "a, b", "say \"hi\"", "two\nlines", "plain" }, table.ReadTexts("note"));
        Assert.Equal([3.0, 4, 5, 6], table.ReadDoubles("value"));

        // The row after the two-line field starts on line 6 of the file.
        Assert.Equal(6, table.LineNumberOf(3));
    }

    [Fact]
    public void Byte_Order_Mark_And_Crlf_Are_Not_Part_Of_The_Data()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("speed,label\r\n1.5,a\r\n2.5,b\r\n")).ToArray();

        var table = DelimitedTextReader.ReadBytes(bytes, "bom.csv");

        Assert.Equal(["speed", "label"], table.ColumnNames);
        Assert.Equal([1.5, 2.5], table.ReadDoubles("speed"));
        Assert.Equal<string?[]>(new string?[] { "a", "b" }, table.ReadTexts("label"));
    }

    [Fact]
    public void Blank_Lines_Are_Skipped_And_Line_Numbers_Still_Count_Them()
    {
        var table = DelimitedTextReader.ReadText("x\n\n1\n\n\nabc\n", "blank.csv");

        Assert.Equal(2, table.RowCount);
        var error = Assert.Throws<TabularDataException>(() => table.ReadDoubles("x"));
        Assert.Equal("blank.csv: line 6, column 'x': 'abc' is not a number", error.Message);
    }

    [Fact]
    public void Numbers_Use_The_Invariant_Culture_Whatever_The_Thread_Culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // The build runs with invariant globalization, so a decimal-comma culture is made by hand.
            var decimalComma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            decimalComma.NumberFormat.NumberDecimalSeparator = ",";
            decimalComma.NumberFormat.NumberGroupSeparator = ".";
            CultureInfo.CurrentCulture = decimalComma;
            var table = DelimitedTextReader.ReadText("v\n1.25\n-3e2\n", "n.csv");
            Assert.Equal([1.25, -300], table.ReadDoubles("v"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Decimal_Commas_In_A_Semicolon_File_Are_Refused_With_A_Hint()
    {
        var table = DelimitedTextReader.ReadText("a;b\n1,5;2\n", "eu.csv");

        var error = Assert.Throws<TabularDataException>(() => table.ReadDoubles("a"));

        Assert.Equal("eu.csv: line 2, column 'a': '1,5' is not a number (numbers need a decimal point, not a comma)", error.Message);
    }

    [Fact]
    public void Missing_Cells_Read_As_NaN_Or_Null_And_Are_Counted()
    {
        var table = DelimitedTextReader.ReadText("x,t\n1,a\n,\nNA,N/A\nnull,b\n", "m.csv");

        var x = table.ReadDoubles("x");
        Assert.Equal(1, x[0]);
        Assert.True(x.Skip(1).All(double.IsNaN));
        Assert.Equal<string?[]>(new string?[] { "a", null, null, "b" }, table.ReadTexts("t"));
        Assert.Equal(3, table.CountMissing("x"));
        Assert.Equal(TabularColumnKind.Numeric, table.KindOf("x"));
        Assert.Equal(TabularColumnKind.Text, table.KindOf("t"));
        var error = Assert.Throws<TabularDataException>(() => table.ReadCompleteDoubles("x"));
        Assert.Equal("m.csv: line 3, column 'x': missing value", error.Message);
    }

    [Fact]
    public void Single_Precision_Columns_Match_The_Double_Ones()
    {
        var table = DelimitedTextReader.ReadText("v\n0.1\n298.15\n", "f.csv");

        Assert.Equal([0.1f, 298.15f], table.ReadSingles("v"));
    }

    [Fact]
    public void Unknown_Column_Lists_The_Columns_Of_The_File()
    {
        var table = DelimitedTextReader.ReadText("Air temperature [K],Torque [Nm]\n300,40\n", "ai4i.csv");

        var error = Assert.Throws<TabularDataException>(() => table.ReadDoubles("Speed"));

        Assert.Equal("ai4i.csv: column 'Speed': no such column; the file has: Air temperature [K], Torque [Nm]", error.Message);
        Assert.Equal("Speed", error.ColumnName);
    }

    [Fact]
    public void Column_Names_Match_Exactly_Then_Without_Case()
    {
        var table = DelimitedTextReader.ReadText("Torque,Speed\n1,2\n", "c.csv");

        Assert.Equal(1, table.ColumnIndex("speed"));
        Assert.True(table.HasColumn("TORQUE"));
    }

    [Fact]
    public void Ragged_Row_Names_Its_Line()
    {
        var error = Assert.Throws<TabularDataException>(() => DelimitedTextReader.ReadText("a,b,c\n1,2,3\n4,5\n", "r.csv"));

        Assert.Equal("r.csv: line 3: 2 fields where the header has 3 (a ragged row, or a delimiter inside an unquoted field; delimiter ',')", error.Message);
        Assert.Equal(3, error.LineNumber);
    }

    [Theory]
    [InlineData("", "e.csv: empty file: no header row")]
    [InlineData("\n\r\n  \n", "e.csv: empty file: no header row")]
    [InlineData("a,b\n", "e.csv: empty file: a header row but no data rows")]
    public void Empty_File_Is_Refused(string text, string expected)
    {
        var error = Assert.Throws<TabularDataException>(() => DelimitedTextReader.ReadText(text, "e.csv"));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Unclosed_Quote_Names_The_Line_It_Opens_On()
    {
        var error = Assert.Throws<TabularDataException>(() => DelimitedTextReader.ReadText("a,b\n1,2\n3,\"open\n4,5\n", "u.csv"));

        Assert.Equal("u.csv: line 3: a quoted field is never closed", error.Message);
    }

    [Fact]
    public void Duplicate_Header_Names_Are_Refused()
    {
        var error = Assert.Throws<TabularDataException>(() => DelimitedTextReader.ReadText("a,b,a\n1,2,3\n", "d.csv"));

        Assert.Equal("d.csv: line 1, column 'a': the header names this column twice", error.Message);
    }

    [Fact]
    public void Unnamed_Header_Cells_Get_Typeable_Names()
    {
        var table = DelimitedTextReader.ReadText(",x\n0,1\n", "p.csv");

        Assert.Equal(["column_1", "x"], table.ColumnNames);
    }

    [Fact]
    public void Missing_File_Is_A_Clear_Error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.csv");

        var error = Assert.Throws<TabularDataException>(() => DelimitedTextReader.ReadFile(path));

        Assert.Equal($"{path}: file not found", error.Message);
    }

    [Fact]
    public void Hash_Identifies_The_Bytes_Read()
    {
        var first = DelimitedTextReader.ReadText("a\n1\n", "h.csv");
        var same = DelimitedTextReader.ReadText("a\n1\n", "other-name.csv");
        var different = DelimitedTextReader.ReadText("a\n2\n", "h.csv");

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("a\n1\n"))), first.ContentSha256);
        Assert.Equal(first.ContentSha256, same.ContentSha256);
        Assert.NotEqual(first.ContentSha256, different.ContentSha256);
    }

    [Fact]
    public void Selected_Rows_Keep_Their_File_Lines()
    {
        var table = DelimitedTextReader.ReadText("v\n10\n20\n30\n", "s.csv");

        var subset = table.SelectRows([2, 0]);

        Assert.Equal([30.0, 10], subset.ReadDoubles("v"));
        Assert.Equal(4, subset.LineNumberOf(0));
        Assert.Equal(table.ContentSha256, subset.ContentSha256);
    }

    [Fact]
    public void Reads_The_Ai4i_Dataset_With_Typed_Columns()
    {
        var path = Retrosense.Testing.RepositoryPaths.RequireDataFile("ai4i2020/ai4i2020.csv");

        var table = DelimitedTextReader.ReadFile(path);

        Assert.Equal(10_000, table.RowCount);
        Assert.Equal(14, table.ColumnNames.Count);
        Assert.Equal(TabularColumnKind.Text, table.KindOf("Type"));
        Assert.Equal(TabularColumnKind.Numeric, table.KindOf("Torque [Nm]"));
        Assert.Equal(339, table.ReadDoubles("Machine failure").Count(value => value == 1));
    }

    [Fact]
    public void Reads_A_Hundred_Thousand_Rows()
    {
        var text = new StringBuilder("id,x,y,kind\n");
        for (var i = 0; i < 100_000; i++)
        {
            text.Append(i).Append(',').Append((i * 0.5).ToString(CultureInfo.InvariantCulture)).Append(',').Append(i % 7).Append(",\"k").Append(i % 3).Append("\"\n");
        }

        var table = DelimitedTextReader.ReadText(text.ToString(), "big.csv");
        var x = table.ReadSingles("x");

        Assert.Equal(100_000, table.RowCount);
        Assert.Equal(49_999.5f, x[^1]);
        Assert.Equal("k2", table.ReadTexts("kind")[2]);
        Assert.Equal(100_001, table.LineNumberOf(99_999));
    }
}
