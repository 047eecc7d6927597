using Retrosense.Node.Configuration;
using Retrosense.Node.Thresholds;

namespace Retrosense.Node.Core.Tests.Thresholds;

public class IsoZoneClassifierTests
{
    // ISO 10816-3:2009 Tables A.1 (group 2) and A.2 (group 1), velocity RMS in mm/s.
    [Theory]
    [InlineData(MachineGroup.Group2, Foundation.Rigid, 1.4f, 2.8f, 4.5f)]
    [InlineData(MachineGroup.Group2, Foundation.Flexible, 2.3f, 4.5f, 7.1f)]
    [InlineData(MachineGroup.Group1, Foundation.Rigid, 2.3f, 4.5f, 7.1f)]
    [InlineData(MachineGroup.Group1, Foundation.Flexible, 3.5f, 7.1f, 11.0f)]
    public void Values_Just_Below_On_And_Above_Each_Boundary_Fall_In_The_Expected_Zone(
        MachineGroup group, Foundation foundation, float ab, float bc, float cd)
    {
        var boundaries = IsoZoneBoundaries.For(group, foundation);
        Assert.Equal(new[] { ab, bc, cd }, boundaries);

        Assert.Equal(IsoZone.A, IsoZoneClassifier.Classify(0f, boundaries));
        Assert.Equal(IsoZone.A, IsoZoneClassifier.Classify(ab * 0.999f, boundaries));
        Assert.Equal(IsoZone.B, IsoZoneClassifier.Classify(ab, boundaries));
        Assert.Equal(IsoZone.B, IsoZoneClassifier.Classify(ab * 1.001f, boundaries));
        Assert.Equal(IsoZone.B, IsoZoneClassifier.Classify(bc * 0.999f, boundaries));
        Assert.Equal(IsoZone.C, IsoZoneClassifier.Classify(bc, boundaries));
        Assert.Equal(IsoZone.C, IsoZoneClassifier.Classify(bc * 1.001f, boundaries));
        Assert.Equal(IsoZone.C, IsoZoneClassifier.Classify(cd * 0.999f, boundaries));
        Assert.Equal(IsoZone.D, IsoZoneClassifier.Classify(cd, boundaries));
        Assert.Equal(IsoZone.D, IsoZoneClassifier.Classify(cd * 1.001f, boundaries));
        Assert.Equal(IsoZone.D, IsoZoneClassifier.Classify(100f, boundaries));
    }

    [Fact]
    public void A_Value_Exactly_On_A_Boundary_Belongs_To_The_Higher_Zone()
    {
        var boundaries = IsoZoneBoundaries.For(MachineGroup.Group2, Foundation.Rigid);

        Assert.Equal(IsoZone.B, IsoZoneClassifier.Classify(1.4f, boundaries));
        Assert.Equal(IsoZone.C, IsoZoneClassifier.Classify(2.8f, boundaries));
        Assert.Equal(IsoZone.D, IsoZoneClassifier.Classify(4.5f, boundaries));
    }

    [Fact]
    public void A_NaN_Velocity_Is_Never_Classified_As_Healthy()
    {
        var boundaries = IsoZoneBoundaries.For(MachineGroup.Group2, Foundation.Rigid);

        Assert.Equal(IsoZone.D, IsoZoneClassifier.Classify(float.NaN, boundaries));
    }
}
