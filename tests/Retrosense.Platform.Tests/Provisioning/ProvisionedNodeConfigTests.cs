using Retrosense.Node.Configuration;
using Retrosense.Node.Wire;
using Retrosense.Platform.Provisioning;

namespace Retrosense.Platform.Tests.Provisioning;

public sealed class ProvisionedNodeConfigTests
{
    [Theory]
    [InlineData(MachineGroup.Group1, Foundation.Rigid, 2.3f, 4.5f, 7.1f)]
    [InlineData(MachineGroup.Group1, Foundation.Flexible, 3.5f, 7.1f, 11.0f)]
    [InlineData(MachineGroup.Group2, Foundation.Rigid, 1.4f, 2.8f, 4.5f)]
    [InlineData(MachineGroup.Group2, Foundation.Flexible, 2.3f, 4.5f, 7.1f)]
    public void Zone_Boundaries_Come_From_The_Iso_Table_For_The_Asset_Class(MachineGroup group, Foundation foundation, float ab, float bc, float cd)
    {
        var config = ProvisionedNodeConfig.Create(group, foundation, 1480f);

        Assert.Equal([ab, bc, cd], config.ZoneBoundariesMmPerSecond);
        Assert.Equal(1, config.ConfigVersion);
        Assert.True(NodeConfigValidator.Validate(config, out var reason), reason);
    }

    [Theory]
    [InlineData(300f, 2f)]
    [InlineData(599f, 2f)]
    [InlineData(600f, 10f)]
    [InlineData(3000f, 10f)]
    public void Velocity_Band_Starts_At_2_Hz_Below_600_Rpm(float rpm, float lowHz)
    {
        Assert.Equal(lowHz, ProvisionedNodeConfig.Create(MachineGroup.Group2, Foundation.Rigid, rpm).VelocityBandLowHz);
    }

    [Fact]
    public void Encoded_Config_Decodes_On_The_Node_To_The_Same_Values()
    {
        var config = ProvisionedNodeConfig.Create(MachineGroup.Group1, Foundation.Flexible, 450f);
        var bytes = ProvisionedNodeConfig.Encode(config);

        var ok = ConfigMessageDecoder.TryDecode(bytes, bytes.Length, out var decoded, out var reason);

        Assert.True(ok, reason);
        Assert.NotNull(decoded);
        Assert.Equal(config.ZoneBoundariesMmPerSecond, decoded.ZoneBoundariesMmPerSecond);
        Assert.Equal((config.MachineGroup, config.Foundation, config.ShaftSpeedRpm, config.VelocityBandLowHz, config.ConfigVersion),
            (decoded.MachineGroup, decoded.Foundation, decoded.ShaftSpeedRpm, decoded.VelocityBandLowHz, decoded.ConfigVersion));
    }
}
