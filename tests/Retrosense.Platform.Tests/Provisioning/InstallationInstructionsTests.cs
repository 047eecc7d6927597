using System;
using Retrosense.Platform.Provisioning;

namespace Retrosense.Platform.Tests.Provisioning;

/// <summary>The printed nanoff steps match firmware/README.md: the boards the apps are built for and how their files get on.</summary>
public sealed class InstallationInstructionsTests
{
    private static readonly NodeCertificateSubject Subject = new("acme", "plant1", "pump7", "n1");
    private static readonly Uri Broker = new("mqtts://broker.local:8883");

    [Fact]
    public void Stm32_Flashes_The_F769_Discovery_Target_And_Deploys_At_Its_Deployment_Address()
    {
        var commands = InstallationInstructions.Commands(NodeBoardProfile.Stm32, Subject, Broker, "COM5");

        Assert.Equal("nanoff --update --target ST_STM32F769I_DISCOVERY --jtag", commands[0]);
        Assert.Equal("nanoff --nanodevice --deploy --serialport COM5 --image Retrosense.Node.Stm32.bin --address 0x08080000", commands[^1]);
    }

    [Fact]
    public void Esp32_Deploys_Node_Conf_And_The_First_Config_With_The_Nodes_File_Deployment_Before_The_App()
    {
        var commands = InstallationInstructions.Commands(NodeBoardProfile.Esp32, Subject, Broker, "COM3");

        Assert.Equal("nanoff --filedeployment n1-files.json --serialport COM3", commands[2]);
        Assert.Equal("nanoff --nanodevice --deploy --serialport COM3 --image Retrosense.Node.Esp32.bin", commands[3]);
    }

    [Fact]
    public void Stm32_Readme_Says_To_Copy_Both_Files_To_The_Sd_Card()
    {
        var readme = InstallationInstructions.Readme(NodeBoardProfile.Stm32, Subject, Broker, "COM5", "out");

        Assert.Contains(@"retrosense\node.conf and retrosense\config.bin", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("-files.json", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Esp32_Readme_Says_The_File_Deployment_Holds_This_Machines_Paths()
    {
        var readme = InstallationInstructions.Readme(NodeBoardProfile.Esp32, Subject, Broker, "COM3", "out");

        Assert.Contains("n1-files.json names the files by their absolute paths on the machine that ran provisioning", readme, StringComparison.Ordinal);
    }
}
