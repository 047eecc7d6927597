using System;
using System.IO;
using Retrosense.Analytics.Process;

namespace Retrosense.Analytics.Tests.Process;

public sealed class ProcessDatasetTests
{
    private static ProcessTable Table(string csv) => ProcessCsvReader.Read(new StringReader(csv), "test.csv");

    private const string Csv = "batch;lot;speed;force;moisture;quality;note\n" +
        "1;a;1.5;3;0.1;90;x\n2;a;2;4;0.1;91;x\n3;b;2.5;5;0.2;92;y\n4;b;3;6;0.2;91;y\n5;c;3.5;7;0.3;90;z\n" +
        "6;c;1;3;0.3;89;z\n7;d;2;4;0.4;90;x\n8;d;3;5;0.4;92;x\n9;e;4;6;0.5;91;y\n10;e;5;7;0.5;88;y\n";

    private static ProcessModelSpec Spec(string[] controls, string[] conditions) =>
        new("quality", ProcessObjective.Maximize, controls, conditions, ["lot"], null, 2, 1);

    [Fact]
    public void An_unknown_column_is_named_with_a_hint()
    {
        var error = Assert.Throws<ProcessInputException>(() => ProcessDataset.From(Table(Csv), Spec(["speed", "forces"], ["moisture"])));
        Assert.Contains("unknown column 'forces'", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'force'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_control_also_listed_as_a_condition_is_refused()
    {
        var error = Assert.Throws<ProcessInputException>(() => ProcessDataset.From(Table(Csv), Spec(["speed", "force"], ["force"])));
        Assert.Contains("'force' is listed both as a control and as a condition", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_numeric_data_in_a_chosen_column_names_the_row_and_text()
    {
        var error = Assert.Throws<ProcessInputException>(() => ProcessDataset.From(Table(Csv), Spec(["speed"], ["note"])));
        Assert.Contains("column 'note' is not numeric: row 2 holds 'x'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decimal_comma_is_not_silently_misread()
    {
        var csv = "lot;speed;quality\na;1,5;90\nb;2;91\n";
        var error = Assert.Throws<ProcessInputException>(() => ProcessDataset.From(Table(csv), new ProcessModelSpec("quality", ProcessObjective.Maximize, ["speed"], [], ["lot"], null, 2, 1)));
        Assert.Contains("row 2 holds '1,5'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_that_repeats_the_target_is_refused_as_leakage()
    {
        var csv = Csv.Replace("note", "release", StringComparison.Ordinal);
        var rows = csv.Split('\n');
        for (var i = 1; i < rows.Length; i++)
        {
            if (rows[i].Length > 0)
            {
                var cells = rows[i].Split(';');
                cells[6] = cells[5];
                rows[i] = string.Join(';', cells);
            }
        }

        var error = Assert.Throws<ProcessInputException>(() => ProcessDataset.From(Table(string.Join('\n', rows)), Spec(["speed"], ["release"])));
        Assert.Contains("repeats the target", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_detects_the_delimiter_skips_a_bom_and_honours_quotes()
    {
        var table = Table("\uFEFFname,value,\"note, with comma\"\n\"a, b\",1.5,\"say \"\"hi\"\"\"\n");

        Assert.Equal(["name", "value", "note, with comma"], table.Columns);
        Assert.Equal("a, b", table.Rows[0][0]);
        Assert.Equal("say \"hi\"", table.Rows[0][2]);
        Assert.Equal(1.5, table.Numeric("value")[0]);
    }

    [Fact]
    public void A_join_adds_columns_and_refuses_disagreeing_duplicates()
    {
        var left = Table("batch;code;x\n1;5;0.1\n2;5;0.2\n");
        var right = Table("batch;code;y\n1;5;10\n2;6;20\n");

        var error = Assert.Throws<ProcessInputException>(() => left.Join(right, "batch"));
        Assert.Contains("disagree on column 'code'", error.Message, StringComparison.Ordinal);

        var joined = left.Join(Table("batch;code;y\n2;5;20\n1;5;10\n"), "batch");
        Assert.Equal(["batch", "code", "x", "y"], joined.Columns);
        Assert.Equal([10.0, 20.0], joined.Numeric("y"));
    }
}
