using Retrosense.Cli.Simulation;
using Retrosense.Recordings.Tests;

namespace Retrosense.Cli.Tests.Simulate;

public sealed class FaultPlanParserTests
{
    [Fact]
    public void Text_Plan_Gives_Each_Asset_Its_Fault_Onset_Growth_And_Severity()
    {
        var faults = FaultPlanParser.Parse("asset-003:outer-race:onset=600:growth=0.002; asset-007:Imbalance:severity=0.3", 10);

        Assert.Equal(
            new[]
            {
                new SimulatedFault("asset-003", "outer-race", 600, 0.002, FaultPlanParser.DefaultInitialSeverity),
                new SimulatedFault("asset-007", "imbalance", 0, 0, 0.3),
            },
            faults);
    }

    [Fact]
    public void Json_Plan_Reads_The_Same_Fields()
    {
        using var folder = new TemporaryFolder();
        var path = folder.WriteText("plan.json", "[{\"asset\":\"asset-002\",\"fault\":\"inner-race\",\"onset_s\":30,\"growth_per_s\":0.01,\"severity\":0.2},{\"asset\":\"asset-001\",\"fault\":\"ball\"}]");

        var faults = FaultPlanParser.Parse(path, 2);

        Assert.Equal(
            new[]
            {
                new SimulatedFault("asset-002", "inner-race", 30, 0.01, 0.2),
                new SimulatedFault("asset-001", "ball", 0, 0, FaultPlanParser.DefaultInitialSeverity),
            },
            faults);
    }

    [Theory]
    [InlineData(0, "asset-001")]
    [InlineData(41, "asset-042")]
    [InlineData(999, "asset-1000")]
    public void Asset_Ids_Are_Numbered_From_One_With_Three_Digits(int index, string expected)
    {
        Assert.Equal(expected, FaultPlanParser.AssetId(index));
    }
}
