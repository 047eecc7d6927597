using System.Linq;
using Retrosense.Analytics.Rul.Cmapss;

namespace Retrosense.Analytics.Tests.Rul.Cmapss;

public sealed class CmapssReaderTests
{
    private const string TwoUnits =
        "1 1 -0.0007 -0.0004 100.0 518.67 641.82 1589.70 1400.60 14.62 21.61 554.36 2388.06 9046.19 1.30 47.47 521.66 2388.02 8138.62 8.4195 0.03 392 2388 100.00 39.06 23.4190  \n" +
        "1 2 0.0019 -0.0003 100.0 518.67 642.15 1591.82 1403.14 14.62 21.61 553.75 2388.04 9044.07 1.30 47.49 522.28 2388.07 8131.49 8.4318 0.03 392 2388 100.00 39.00 23.4236  \n" +
        "2 1 -0.0043 0.0003 100.0 518.67 642.35 1587.99 1404.20 14.62 21.61 554.26 2388.08 9052.94 1.30 47.27 522.42 2388.03 8133.23 8.4178 0.03 390 2388 100.00 38.95 23.3442  \n";

    [Fact]
    public void A_file_in_the_published_format_reads_into_units_with_settings_and_sensors()
    {
        using var folder = new TemporaryCmapssFolder();

        var units = CmapssReader.ReadTrajectories(folder.Write("train.txt", TwoUnits));

        Assert.Equal([1, 2], units.Select(unit => unit.UnitNumber));
        Assert.Equal(2, units[0].LastCycle);
        Assert.Equal([-0.0007, -0.0004, 100.0], units[0].Cycles[0].Settings);
        Assert.Equal(21, units[0].Cycles[0].Sensors.Length);
        Assert.Equal(518.67, units[0].Cycles[0].Sensors[0]);
        Assert.Equal(23.4190, units[0].Cycles[0].Sensors[20]);
    }

    [Theory]
    [InlineData("1 1 0 0 100 518.67\n", "train.txt:1: expected 26")]
    [InlineData("112\n", "is this a RUL file?")]
    public void A_line_with_the_wrong_number_of_columns_is_refused_with_its_line_number(string text, string expected)
    {
        using var folder = new TemporaryCmapssFolder();
        var path = folder.Write("train.txt", text);

        var error = Assert.Throws<CmapssFormatException>(() => CmapssReader.ReadTrajectories(path));

        Assert.Contains(expected, error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_refused_with_line_and_column()
    {
        using var folder = new TemporaryCmapssFolder();
        var path = folder.Write("train.txt", TwoUnits.Replace("641.82", "64l.82", System.StringComparison.Ordinal));

        var error = Assert.Throws<CmapssFormatException>(() => CmapssReader.ReadTrajectories(path));

        Assert.Contains("train.txt:1: column 7 '64l.82' is not a finite number", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_whose_cycles_are_split_by_another_unit_is_refused()
    {
        using var folder = new TemporaryCmapssFolder();
        var lines = TwoUnits.Split('\n');
        var path = folder.Write("train.txt", $"{lines[0]}\n{lines[2]}\n{lines[1]}\n");

        var error = Assert.Throws<CmapssFormatException>(() => CmapssReader.ReadTrajectories(path));

        Assert.Contains("train.txt:3: unit 1 appears again after other units", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Cycles_that_do_not_ascend_within_a_unit_are_refused()
    {
        using var folder = new TemporaryCmapssFolder();
        var lines = TwoUnits.Split('\n');
        var path = folder.Write("train.txt", $"{lines[1]}\n{lines[0]}\n");

        var error = Assert.Throws<CmapssFormatException>(() => CmapssReader.ReadTrajectories(path));

        Assert.Contains("train.txt:2: unit 1 cycle 1 does not follow cycle 2", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_fractional_unit_number_an_empty_file_and_a_missing_file_are_refused()
    {
        using var folder = new TemporaryCmapssFolder();
        var fractional = folder.Write("fractional.txt", "1.5" + TwoUnits.Split('\n')[0][1..] + "\n");
        var empty = folder.Write("empty.txt", "\n\n");

        Assert.Contains("unit number '1.5' is not a positive whole number", Assert.Throws<CmapssFormatException>(() => CmapssReader.ReadTrajectories(fractional)).Message, System.StringComparison.Ordinal);
        Assert.Contains("no data rows", Assert.Throws<CmapssFormatException>(() => CmapssReader.ReadTrajectories(empty)).Message, System.StringComparison.Ordinal);
        Assert.Contains("file not found", Assert.Throws<CmapssFormatException>(() => CmapssReader.ReadTrajectories(System.IO.Path.Combine(folder.Path, "absent.txt"))).Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_rul_file_reads_one_value_per_line_and_refuses_extra_columns_and_negative_values()
    {
        using var folder = new TemporaryCmapssFolder();
        var good = folder.Write("RUL.txt", "112 \n98 \n\n69 \n");
        var twoColumns = folder.Write("two.txt", "112 3\n");
        var negative = folder.Write("negative.txt", "112\n-4\n");

        Assert.Equal([112.0, 98.0, 69.0], CmapssReader.ReadRemainingUsefulLife(good));
        Assert.Contains("two.txt:1: a RUL file holds one number per line", Assert.Throws<CmapssFormatException>(() => CmapssReader.ReadRemainingUsefulLife(twoColumns)).Message, System.StringComparison.Ordinal);
        Assert.Contains("negative.txt:2: remaining useful life -4 is negative", Assert.Throws<CmapssFormatException>(() => CmapssReader.ReadRemainingUsefulLife(negative)).Message, System.StringComparison.Ordinal);
    }
}
