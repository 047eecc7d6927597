using System;
using Retrosense.Node.Configuration;
using Retrosense.Platform.Registry;

namespace Retrosense.Platform.Tests.Registry;

/// <summary>The registry's domain types refuse bad values at construction, with messages a CLI can print as they are.</summary>
public sealed class RegistryValidationTests
{
    private const string Thumbprint = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";

    [Fact]
    public void A_Site_Without_A_Time_Zone_Is_In_Asia_Seoul()
    {
        Assert.Equal("Asia/Seoul", new Site("acme", "plant-1", "Plant 1").TimeZoneId);
    }

    [Fact]
    public void An_Unknown_Time_Zone_Is_Refused()
    {
        var refused = Assert.Throws<ArgumentException>(() => new Site("acme", "plant-1", "Plant 1", "Asia/Soul"));

        Assert.StartsWith("time zone 'Asia/Soul' is not a known IANA time zone id (e.g. Asia/Seoul)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Thumbprints_And_Serial_Numbers_Are_Stored_Upper_Case()
    {
        var registration = new NodeRegistration("acme", "plant-1", "pump-3", "node-1", NodeBoard.Linux, Thumbprint.ToLowerInvariant(), " 0a0b ", 0);

        Assert.Equal(Thumbprint, registration.CertificateThumbprintSha256);
        Assert.Equal("0A0B", registration.CertificateSerialNumber);
    }

    [Theory]
    [InlineData("9F86D0", "certificate thumbprint '9F86D0' is not a SHA-256 hash (64 hex digits)")]
    [InlineData("Z" + "F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08", "certificate thumbprint 'ZF86D0")]
    public void A_Thumbprint_That_Is_Not_Sha256_Hex_Is_Refused(string thumbprint, string expectedStart)
    {
        var refused = Assert.Throws<ArgumentException>(() => new NodeRegistration("acme", "plant-1", "pump-3", "node-1", NodeBoard.Esp32, thumbprint, "01", 1));

        Assert.StartsWith(expectedStart, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Serial_Number_Longer_Than_Twenty_Octets_Is_Refused()
    {
        var refused = Assert.Throws<ArgumentException>(() => new NodeRegistration("acme", "plant-1", "pump-3", "node-1", NodeBoard.Esp32, Thumbprint, new string('A', 41), 1));

        Assert.StartsWith("certificate serial number '" + new string('A', 41) + "' is not 1 to 40 hex digits", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-10f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void A_Shaft_Speed_That_Is_Not_A_Positive_Number_Is_Refused(float rpm)
    {
        Assert.Throws<ArgumentException>(() => new Asset("acme", "plant-1", "pump-3", "Pump 3", MachineGroup.Group1, Foundation.Rigid, rpm));
    }

    [Fact]
    public void Installation_Texts_Are_Trimmed_And_Blank_Notes_Become_None()
    {
        var details = new InstallationDetails("acme", "node-1", MountingPoint.NonDriveEnd, "  x=horizontal,y=vertical,z=axial ", " Park ", new DateOnly(2026, 3, 2), "   ");

        Assert.Equal("x=horizontal,y=vertical,z=axial", details.AxisOrientation);
        Assert.Equal("Park", details.Installer);
        Assert.Null(details.Notes);
    }

    [Fact]
    public void An_Installation_Without_An_Installer_Is_Refused()
    {
        var refused = Assert.Throws<ArgumentException>(() => new InstallationDetails("acme", "node-1", MountingPoint.DriveEnd, "x=axial", " ", new DateOnly(2026, 3, 2), null));

        Assert.StartsWith("installer is empty", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Revoked_Node_Must_Say_When_It_Was_Revoked()
    {
        var registration = new NodeRegistration("acme", "plant-1", "pump-3", "node-1", NodeBoard.Esp32, Thumbprint, "01", 1);

        Assert.Throws<ArgumentException>(() => new RegisteredNode(registration, NodeStatus.Revoked, DateTimeOffset.UnixEpoch, null, null, null, null));
        Assert.Throws<ArgumentException>(() => new RegisteredNode(registration, NodeStatus.Provisioned, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "x", null, null));
    }

    [Theory]
    [InlineData(NodeBoard.Esp32, "esp32")]
    [InlineData(NodeBoard.Stm32, "stm32")]
    [InlineData(NodeBoard.Linux, "linux")]
    public void Board_Names_Round_Trip(NodeBoard board, string name)
    {
        Assert.Equal(name, RegistryNames.BoardName(board));
        Assert.Equal(board, RegistryNames.ParseBoard(name));
    }

    [Theory]
    [InlineData(MountingPoint.DriveEnd, "drive-end")]
    [InlineData(MountingPoint.NonDriveEnd, "non-drive-end")]
    [InlineData(MountingPoint.Other, "other")]
    public void Mounting_Point_Names_Round_Trip(MountingPoint point, string name)
    {
        Assert.Equal(name, RegistryNames.MountingPointName(point));
        Assert.Equal(point, RegistryNames.ParseMountingPoint(name));
    }

    [Fact]
    public void Unknown_Names_Are_Refused_With_The_Allowed_Values()
    {
        var board = Assert.Throws<ArgumentException>(() => RegistryNames.ParseBoard("arduino"));
        var foundation = Assert.Throws<ArgumentException>(() => RegistryNames.ParseFoundation("concrete"));

        Assert.StartsWith("board 'arduino' is not one of esp32, stm32, linux", board.Message, StringComparison.Ordinal);
        Assert.StartsWith("foundation 'concrete' is not one of rigid, flexible", foundation.Message, StringComparison.Ordinal);
        Assert.False(RegistryNames.TryParseMachineGroup(3, out _));
    }
}
