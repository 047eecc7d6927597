using System;
using System.IO;
using Retrosense.Analytics.FailureRisk;

namespace Retrosense.Analytics.Tests.FailureRisk;

public sealed class Ai4iCsvReaderTests
{
    private const string Header = "UDI,Product ID,Type,Air temperature [K],Process temperature [K],Rotational speed [rpm],Torque [Nm],Tool wear [min],Machine failure,TWF,HDF,PWF,OSF,RNF";

    private static System.Collections.Generic.IReadOnlyList<LabelledMachineRun> Read(string text) =>
        Ai4iCsvReader.Read(new StringReader(text), "test.csv");

    [Fact]
    public void Reads_the_published_layout_with_modes_and_ignores_identifiers()
    {
        var runs = Read(Header + "\n1,M14860,M,298.1,308.6,1551,42.8,0,0,0,0,0,0,0\n2,L47181,L,298.2,308.7,1408,46.3,3,1,0,1,0,1,0\n");

        Assert.Equal(2, runs.Count);
        Assert.Equal(new MachineRun(ProductQuality.Medium, 298.1, 308.6, 1551, 42.8, 0), runs[0].Run);
        Assert.False(runs[0].MachineFailure);
        Assert.True(runs[1].MachineFailure);
        Assert.Equal([FailureMode.HeatDissipation, FailureMode.Overstrain], runs[1].Modes);
    }

    [Fact]
    public void Accepts_a_semicolon_file_with_decimal_commas_quotes_a_byte_order_mark_and_crlf()
    {
        var text = "\uFEFF\"Type\";\"Air temperature [K]\";\"Process temperature [K]\";\"Rotational speed [rpm]\";\"Torque [Nm]\";\"Tool wear [min]\";\"Machine_failure\";TWF;HDF;PWF;OSF;RNF\r\n"
            + "H;\"298,1\";308,6;1551;42,8;7;0;0;0;0;0;0\r\n";

        var runs = Read(text);

        Assert.Equal(new MachineRun(ProductQuality.High, 298.1, 308.6, 1551, 42.8, 7), Assert.Single(runs).Run);
    }

    [Fact]
    public void A_missing_column_is_named_in_the_error()
    {
        var error = Assert.Throws<FailureRiskDataException>(() => Read("Type,Air temperature [K],Process temperature [K],Rotational speed [rpm],Tool wear [min],Machine failure,TWF,HDF,PWF,OSF,RNF\n"));

        Assert.StartsWith("test.csv: missing column 'Torque [Nm]'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_failure_mode_column_is_named_in_the_error()
    {
        var error = Assert.Throws<FailureRiskDataException>(() => Read(Header.Replace(",OSF", string.Empty, StringComparison.Ordinal) + "\n"));

        Assert.StartsWith("test.csv: missing column 'OSF'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,M1,M,abc,308.6,1551,42.8,0,0,0,0,0,0,0", "test.csv line 2: column 'Air temperature [K]' is 'abc', not a finite number")]
    [InlineData("1,M1,M,298.1,308.6,,42.8,0,0,0,0,0,0,0", "test.csv line 2: column 'Rotational speed [rpm]' is '', not a finite number")]
    [InlineData("1,M1,M,298.1,308.6,1551,NaN,0,0,0,0,0,0,0", "test.csv line 2: column 'Torque [Nm]' is 'NaN', not a finite number")]
    [InlineData("1,M1,X,298.1,308.6,1551,42.8,0,0,0,0,0,0,0", "test.csv line 2: column 'Type' is 'X', expected L, M or H")]
    [InlineData("1,M1,M,298.1,308.6,1551,42.8,0,yes,0,0,0,0,0", "test.csv line 2: column 'Machine failure' is 'yes', expected 0 or 1")]
    [InlineData("1,M1,M,298.1,308.6,1551,42.8,0,0,0,0,0,0", "test.csv line 2: 13 fields where the header has 14")]
    public void A_bad_value_is_reported_with_its_line_and_column(string row, string expected)
    {
        var error = Assert.Throws<FailureRiskDataException>(() => Read(Header + "\n" + row + "\n"));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void An_empty_file_or_a_header_alone_is_an_error()
    {
        Assert.Equal("test.csv: the file is empty", Assert.Throws<FailureRiskDataException>(() => Read(string.Empty)).Message);
        Assert.Equal("test.csv: no data rows after the header", Assert.Throws<FailureRiskDataException>(() => Read(Header + "\n")).Message);
    }
}
