using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Retrosense.Platform.Provisioning;
using Retrosense.Platform.Registry;

namespace Retrosense.Cli.Tests.NodeCommands;

public sealed class NodeVerbsTests : IDisposable
{
    private readonly NodeWorkspace _workspace = new();

    private static System.Threading.CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Provision_Registers_Tenant_Site_Asset_Node_And_Installation_In_The_Sqlite_Store()
    {
        var run = _workspace.Provision("acme", "n1", extra: ["--machine-group", "1", "--foundation", "flexible", "--rpm", "450", "--mount", "non-drive-end", "--axes", "x=axial,y=vertical,z=horizontal", "--notes", "stud on NDE housing"]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        await using var store = await _workspace.OpenStoreAsync();
        var node = await store.Registry.GetNodeAsync("acme", "n1", Cancellation);
        Assert.NotNull(node);
        Assert.Equal(("plant1", "pump7", NodeBoard.Linux, NodeStatus.Provisioned, 1), (node.SiteId, node.AssetId, node.Board, node.Status, node.ConfigVersion));
        var asset = await store.Registry.GetAssetAsync("acme", "plant1", "pump7", Cancellation);
        Assert.Equal((Node.Configuration.MachineGroup.Group1, Node.Configuration.Foundation.Flexible, (float?)450f), (asset!.MachineGroup, asset.Foundation, asset.ShaftSpeedRpm));
        var installation = Assert.Single(await store.Registry.ListInstallationsAsync("acme", "n1", Cancellation)).Details;
        Assert.Equal((MountingPoint.NonDriveEnd, "x=axial,y=vertical,z=horizontal", "Kim", new DateOnly(2026, 11, 20), "stud on NDE housing"),
            (installation.MountingPoint, installation.AxisOrientation, installation.Installer, installation.InstalledOn, installation.Notes));
        Assert.True(await store.Registry.IsNodeAuthorizedAsync("acme", "plant1", "pump7", "n1", Cancellation));
    }

    [Fact]
    public async Task Second_Node_On_A_Machine_Keeps_The_Machine_Class_When_None_Is_Given()
    {
        Assert.Equal(0, _workspace.Provision("acme", "n1", extra: ["--machine-group", "1", "--foundation", "flexible", "--rpm", "450"]).ExitCode);

        var second = _workspace.Provision("acme", "n2");

        Assert.True(second.ExitCode == 0, second.Stderr);
        var config = File.ReadAllText(Path.Combine(_workspace.NodeFolder("acme", "n2"), NodeOutputFiles.Config));
        Assert.Contains("\"machine_group\":1,\"foundation\":\"flexible\",\"shaft_rpm\":450,\"velocity_band_hz\":[2,1000],\"zone_limits_mm_s\":[3.5,7.1,11]", config, StringComparison.Ordinal);
        await using var store = await _workspace.OpenStoreAsync();
        var asset = await store.Registry.GetAssetAsync("acme", "plant1", "pump7", Cancellation);
        Assert.Equal((Node.Configuration.MachineGroup.Group1, Node.Configuration.Foundation.Flexible, (float?)450f), (asset!.MachineGroup, asset.Foundation, asset.ShaftSpeedRpm));
    }

    [Fact]
    public void Provision_Writes_The_Node_Folder_With_An_Owner_Only_Key_That_Matches_Its_Registered_Certificate()
    {
        var run = _workspace.Provision("acme", "n1", extra: ["--json"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(Assert.Single(run.StdoutLines));
        var folder = _workspace.NodeFolder("acme", "n1");

        var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(Path.Combine(folder, NodeOutputFiles.Certificate), Path.Combine(folder, NodeOutputFiles.PrivateKey));

        Assert.True(certificate.HasPrivateKey);
        Assert.Equal(json.RootElement.GetProperty("certificate_serial").GetString(), certificate.SerialNumber);
        Assert.Equal("acme:n1", json.RootElement.GetProperty("common_name").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, NodeWorkspace.UnixModeOf(Path.Combine(folder, NodeOutputFiles.PrivateKey)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, NodeWorkspace.UnixModeOf(folder));
        Assert.Contains("retrosense-node --broker mqtts://127.0.0.1:8883 --tenant acme --site plant1 --asset pump7 --node n1 --ca ca.crt --cert node.crt --key node.key",
            json.RootElement.GetProperty("commands")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("{\"schema\":1,\"kind\":\"config\",\"config_version\":1,", File.ReadAllText(Path.Combine(folder, NodeOutputFiles.Config)), StringComparison.Ordinal);
    }

    [Fact]
    public void Esp32_Provisioning_Writes_The_Nanoff_File_Owner_Only_And_Never_Prints_The_Wifi_Password()
    {
        const string Password = "Correct Horse 42";
        var run = _workspace.Provision("acme", "n1", board: "esp32", extra: ["--wifi-ssid", "Factory-IoT", "--wifi-password-file", _workspace.WifiPasswordFile(Password), "--serial-port", "/dev/ttyUSB0"]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var nanoffFile = Path.Combine(_workspace.NodeFolder("acme", "n1"), NodeOutputFiles.NanoffNetworkDeployment);
        using var nanoff = JsonDocument.Parse(File.ReadAllText(nanoffFile));
        Assert.Equal(Password, nanoff.RootElement.GetProperty("WirelessClient").GetProperty("Password").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, NodeWorkspace.UnixModeOf(nanoffFile));
        Assert.DoesNotContain(Password, run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, File.ReadAllText(Path.Combine(_workspace.NodeFolder("acme", "n1"), NodeOutputFiles.Readme)), StringComparison.Ordinal);
        Assert.Contains("  nanoff --update --target ESP32_PSRAM_REV0 --serialport /dev/ttyUSB0", run.StdoutLines);
        Assert.Contains("  nanoff --serialport /dev/ttyUSB0 --networkdeployment nanoff-network.json", run.StdoutLines);
        Assert.Contains("  nanoff --filedeployment n1-files.json --serialport /dev/ttyUSB0", run.StdoutLines);
        Assert.Contains("  nanoff --nanodevice --deploy --serialport /dev/ttyUSB0 --image Retrosense.Node.Esp32.bin", run.StdoutLines);
    }

    [Fact]
    public void Esp32_Provisioning_Writes_Node_Conf_And_A_File_Deployment_Naming_The_Output_Folder()
    {
        var run = _workspace.Provision("acme", "n1", board: "esp32", broker: "mqtts://broker.local:18883", extra: ["--wifi-ssid", "Factory-IoT", "--wifi-password-file", _workspace.WifiPasswordFile("pw")]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var folder = _workspace.NodeFolder("acme", "n1");
        var settings = File.ReadAllLines(Path.Combine(folder, NodeOutputFiles.NodeSettings));
        Assert.Contains("tenant=acme", settings);
        Assert.Contains("node=n1", settings);
        Assert.Contains("broker_host=broker.local", settings);
        Assert.Contains("broker_port=18883", settings);
        using var files = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "n1-files.json")));
        Assert.Equal(Path.Combine(folder, NodeOutputFiles.NodeSettings), files.RootElement.GetProperty("Files")[0].GetProperty("SourceFilePath").GetString());
        Assert.True(File.Exists(files.RootElement.GetProperty("Files")[1].GetProperty("SourceFilePath").GetString()));
    }

    [Fact]
    public void Stm32_Provisioning_Flashes_The_F769_Discovery_Target_Over_St_Link_And_Says_To_Copy_Node_Conf_To_The_Sd_Card()
    {
        var run = _workspace.Provision("acme", "n1", board: "stm32", extra: ["--serial-port", "COM5"]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("  nanoff --update --target ST_STM32F769I_DISCOVERY --jtag", run.StdoutLines);
        Assert.Contains("  nanoff --serialport COM5 --networkdeployment nanoff-network.json", run.StdoutLines);
        Assert.Contains("  " + InstallationInstructions.SdCardStep, run.StdoutLines);
        Assert.Contains("  nanoff --nanodevice --deploy --serialport COM5 --image Retrosense.Node.Stm32.bin --address 0x08080000", run.StdoutLines);
        Assert.True(File.Exists(Path.Combine(_workspace.NodeFolder("acme", "n1"), NodeOutputFiles.NodeSettings)));
        Assert.False(File.Exists(Path.Combine(_workspace.NodeFolder("acme", "n1"), "n1-files.json")));
    }

    [Fact]
    public void Another_Stm32_Board_Is_Flashed_With_The_Nanoff_Target_Given()
    {
        var run = _workspace.Provision("acme", "n1", board: "stm32", extra: ["--nanoff-target", "ORGPAL_PALTHREE"]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("  nanoff --update --target ORGPAL_PALTHREE --jtag", run.StdoutLines);
    }

    [Fact]
    public void Provisioning_A_Node_That_Is_Already_Active_Is_Refused_Until_It_Is_Revoked()
    {
        Assert.Equal(0, _workspace.Provision("acme", "n1").ExitCode);

        var again = _workspace.Provision("acme", "n1", asset: "pump8");
        var revoke = _workspace.Run("node", "revoke", "--tenant", "acme", "--node", "n1", "--reason", "board replaced");
        var replacement = _workspace.Provision("acme", "n1", asset: "pump8", extra: ["--out", Path.Combine(_workspace.Root, "node-acme-n1-b")]);
        var list = _workspace.Run("node", "list", "--tenant", "acme", "--json");

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("node 'n1' is already provisioned in tenant 'acme' (on plant1/pump7); revoke it first", Assert.Single(again.StderrLines), StringComparison.Ordinal);
        Assert.Equal(0, revoke.ExitCode);
        Assert.Equal(0, replacement.ExitCode);
        var rows = list.StdoutLines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal([("pump7", "revoked", "board replaced"), ("pump8", "provisioned", null)],
            rows.Select(row => (row.GetProperty("asset").GetString(), row.GetProperty("status").GetString(), row.GetProperty("revocation_reason").GetString())));
    }

    [Fact]
    public void Revoke_Rewrites_The_Acl_Without_The_Node_And_Lists_Its_Certificate_In_The_Crl()
    {
        Assert.Equal(0, _workspace.Provision("acme", "n1").ExitCode);
        Assert.Equal(0, _workspace.Provision("acme", "n2", asset: "pump8").ExitCode);
        var acl = Path.Combine(_workspace.BrokerDirectory, BrokerSecurityFiles.AclFileName);
        var crl = Path.Combine(_workspace.BrokerDirectory, BrokerSecurityFiles.CrlFileName);
        Assert.Contains("user acme:n1\n", File.ReadAllText(acl), StringComparison.Ordinal);
        var serial = JsonDocument.Parse(_workspace.Run("node", "list", "--json").StdoutLines[0]).RootElement.GetProperty("certificate_serial").GetString()!;

        var run = _workspace.Run("node", "revoke", "--tenant", "acme", "--node", "n1", "--reason", "stolen");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("user acme:n1\n", File.ReadAllText(acl), StringComparison.Ordinal);
        Assert.Contains("user acme:n2\n", File.ReadAllText(acl), StringComparison.Ordinal);
        var revoked = System.Security.Cryptography.X509Certificates.CertificateRevocationListBuilder.LoadPem(File.ReadAllText(crl), out _);
        Assert.True(revoked.RemoveEntry(Convert.FromHexString(serial)));
        Assert.Contains("listener 8883", File.ReadAllText(Path.Combine(_workspace.BrokerDirectory, BrokerSecurityFiles.ConfigFileName)), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_Tenants_May_Use_The_Same_Node_Id_As_Different_Broker_Users()
    {
        Assert.Equal(0, _workspace.Provision("acme", "n1").ExitCode);
        Assert.Equal(0, _workspace.Provision("globex", "n1").ExitCode);

        var acl = File.ReadAllText(Path.Combine(_workspace.BrokerDirectory, BrokerSecurityFiles.AclFileName));
        var list = _workspace.Run("node", "list");

        Assert.Contains("user acme:n1\n", acl, StringComparison.Ordinal);
        Assert.Contains("user globex:n1\n", acl, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllText(Path.Combine(_workspace.BrokerDirectory, BrokerSecurityFiles.CaBundleFileName)).Split("BEGIN CERTIFICATE").Length - 1);
        Assert.Equal("2 active, 0 revoked", list.StdoutLines[^1]);
    }

    [Fact]
    public void Revoking_A_Node_That_Is_Not_Active_Is_Bad_Input()
    {
        var run = _workspace.Run("node", "revoke", "--tenant", "acme", "--node", "ghost", "--reason", "x");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("retrosense node revoke: ", Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Revoke_Without_A_Reason_Is_Bad_Input()
    {
        var run = _workspace.Run("node", "revoke", "--tenant", "acme", "--node", "n1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--reason", Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }
}
