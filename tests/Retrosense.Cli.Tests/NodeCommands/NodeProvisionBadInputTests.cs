using System;
using System.IO;

namespace Retrosense.Cli.Tests.NodeCommands;

public sealed class NodeProvisionBadInputTests : IDisposable
{
    private readonly NodeWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Unknown_Board_Is_Bad_Input() =>
        AssertBadInput(_workspace.Provision("acme", "n1", board: "arduino"), "unknown --board 'arduino': use esp32, stm32 or linux");

    [Theory]
    [InlineData("--site", "plant/1")]
    [InlineData("--asset", "pump#7")]
    [InlineData("--node", "n+1")]
    public void Id_With_A_Topic_Separator_Or_Wildcard_Is_Bad_Input(string option, string value) =>
        AssertBadInput(_workspace.Provision("acme", "n1", extra: [option, value]), $"{option} '{value}' has invalid character");

    [Fact]
    public void Tenant_With_A_Slash_Is_Bad_Input() =>
        AssertBadInput(_workspace.Provision("acme/evil", "n1"), "--tenant 'acme/evil' has invalid character '/' at index 4");

    [Fact]
    public void Missing_Tenant_Is_Bad_Input()
    {
        var run = CliRun.Of("node", "provision", "--site", "s", "--asset", "a", "--node", "n", "--board", "linux", "--broker", "mqtts://h:8883", "--data-dir", _workspace.DataDirectory);

        AssertBadInput(run, "--tenant");
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("20.11.2026")]
    [InlineData("yesterday")]
    public void Install_Date_Not_In_Iso_Form_Is_Bad_Input(string date) =>
        AssertBadInput(_workspace.Provision("acme", "n1", extra: ["--installed-on", date]), $"--installed-on must be a date YYYY-MM-DD, got '{date}'");

    [Theory]
    [InlineData("3")]
    [InlineData("0")]
    public void Machine_Group_Other_Than_1_Or_2_Is_Bad_Input(string group) =>
        AssertBadInput(_workspace.Provision("acme", "n1", extra: ["--machine-group", group]), $"--machine-group must be 1 or 2 (ISO 10816-3), got {group}");

    [Fact]
    public void Unknown_Foundation_Mount_And_Zero_Speed_Are_Bad_Input()
    {
        AssertBadInput(_workspace.Provision("acme", "n1", extra: ["--foundation", "soft"]), "unknown --foundation 'soft'");
        AssertBadInput(_workspace.Provision("acme", "n1", extra: ["--mount", "top"]), "unknown --mount 'top'");
        AssertBadInput(_workspace.Provision("acme", "n1", extra: ["--rpm", "0"]), "--rpm must be a positive number");
    }

    [Theory]
    [InlineData("broker.local:8883")]
    [InlineData("mqtt://broker.local:1883")]
    public void Broker_That_Is_Not_An_Mqtts_Url_Is_Bad_Input(string url) =>
        AssertBadInput(_workspace.Provision("acme", "n1", broker: url), "--broker must be a URL like mqtts://host:8883");

    [Fact]
    public void Nanoff_Target_For_A_Linux_Board_Or_With_Shell_Characters_Is_Bad_Input()
    {
        AssertBadInput(_workspace.Provision("acme", "n1", board: "linux", extra: ["--nanoff-target", "ESP32_REV0"]), "--nanoff-target applies to esp32 and stm32 boards, not linux");
        AssertBadInput(_workspace.Provision("acme", "n1", board: "stm32", extra: ["--nanoff-target", "X;rm"]), "--nanoff-target must be a nanoFramework target name");
    }

    [Fact]
    public void Esp32_Without_Wifi_Ssid_Is_Bad_Input() =>
        AssertBadInput(_workspace.Provision("acme", "n1", board: "esp32"), "--board esp32 joins Wi-Fi: give --wifi-ssid");

    [Fact]
    public void Esp32_Without_A_Password_Source_Is_Bad_Input_That_Never_Asks_For_It_On_The_Command_Line()
    {
        Assert.SkipWhen(Environment.GetEnvironmentVariable("RETROSENSE_WIFI_PASSWORD") is not null, "RETROSENSE_WIFI_PASSWORD is set in this environment");

        AssertBadInput(_workspace.Provision("acme", "n1", board: "esp32", extra: ["--wifi-ssid", "Factory"]), "--wifi-password-file FILE or the RETROSENSE_WIFI_PASSWORD environment variable");
    }

    private void AssertBadInput(CliRun run, string expectedMessagePart)
    {
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("retrosense node provision: ", line, StringComparison.Ordinal);
        Assert.Contains(expectedMessagePart, line, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);

        // Bad input is caught before anything is created: no store, no CA, no node folder.
        Assert.False(Directory.Exists(_workspace.DataDirectory), "data folder created: " + string.Join(", ", Directory.Exists(_workspace.DataDirectory) ? Directory.GetFileSystemEntries(_workspace.DataDirectory) : []));
        Assert.DoesNotContain(Directory.GetDirectories(_workspace.Root), folder => Path.GetFileName(folder).StartsWith("node-", StringComparison.Ordinal));
    }
}
