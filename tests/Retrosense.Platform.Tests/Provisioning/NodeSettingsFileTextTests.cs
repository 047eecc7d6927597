using System;
using System.IO;
using System.Text.Json;
using Retrosense.Node.Core.Tests.Firmware;
using Retrosense.Platform.Provisioning;

namespace Retrosense.Platform.Tests.Provisioning;

/// <summary>
/// node.conf as provisioning writes it, read back by the firmware's own parser (NodeSettingsFile.Parse, compiled from
/// firmware/Retrosense.Node.NanoAdapters on .NET), so the two cannot drift apart.
/// </summary>
public sealed class NodeSettingsFileTextTests
{
    private const string SettingsFile = "Retrosense.Node.Nano.Settings.NodeSettingsFile";

    private static readonly NodeCertificateSubject Subject = new("acme-foods", "plant-1", "press-3", "press-3-de");

    [Theory]
    [InlineData("mqtts://mqtt.acme.example:8883", "mqtt.acme.example", 8883)]
    [InlineData("mqtts://10.0.0.5:18883", "10.0.0.5", 18883)]
    [InlineData("mqtts://mqtt.acme.example", "mqtt.acme.example", 8883)]
    public void The_Firmware_Parser_Reads_Back_The_Identity_And_Broker_Provisioning_Wrote(string brokerUrl, string host, int port)
    {
        var text = NodeSettingsFileText.Write(Subject, new Uri(brokerUrl));

        var settings = ParseWithFirmwareParser(text, out var error);

        Assert.True(settings is not null, error);
        Assert.Equal("acme-foods", PortableAdapters.Get(settings, "Tenant"));
        Assert.Equal("plant-1", PortableAdapters.Get(settings, "Site"));
        Assert.Equal("press-3", PortableAdapters.Get(settings, "Asset"));
        Assert.Equal("press-3-de", PortableAdapters.Get(settings, "NodeId"));
        Assert.Equal(host, PortableAdapters.Get(settings, "BrokerHost"));
        Assert.Equal(port, PortableAdapters.Get(settings, "BrokerPort"));
        Assert.Equal(string.Empty, PortableAdapters.Get(settings, "NtpServer"));
    }

    [Fact]
    public void A_Value_The_Device_Would_Cut_At_A_Comment_Sign_Is_Refused()
    {
        Assert.Throws<ArgumentException>(() => NodeSettingsFileText.Write(Subject with { Site = "plant#1" }, new Uri("mqtts://broker.local:8883")));
    }

    [Fact]
    public void The_Esp32_File_Deployment_Puts_Node_Conf_And_The_First_Config_Where_The_Firmware_Reads_Them()
    {
        var folder = Path.Combine(Path.GetTempPath(), "nodes", "press-3-de");

        using var document = JsonDocument.Parse(NanoffFileDeployment.Write(folder));

        var files = document.RootElement.GetProperty("Files");
        Assert.Equal(2, files.GetArrayLength());
        Assert.Equal(@"I:\retrosense\node.conf", files[0].GetProperty("DestinationFilePath").GetString());
        Assert.Equal(Path.Combine(folder, NodeOutputFiles.NodeSettings), files[0].GetProperty("SourceFilePath").GetString());
        Assert.Equal(@"I:\retrosense\config.bin", files[1].GetProperty("DestinationFilePath").GetString());
        Assert.Equal(Path.Combine(folder, NodeOutputFiles.Config), files[1].GetProperty("SourceFilePath").GetString());
    }

    private static object? ParseWithFirmwareParser(string text, out string error)
    {
        var arguments = new object?[] { text, null };
        var settings = PortableAdapters.Type(SettingsFile).GetMethod("Parse")!.Invoke(null, arguments);
        error = (string)arguments[1]!;
        return settings;
    }
}
