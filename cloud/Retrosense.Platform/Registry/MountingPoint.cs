namespace Retrosense.Platform.Registry;

/// <summary>Where on the machine a node is mounted; ISO 10816-3 asks for measurements at the bearing housings.</summary>
public enum MountingPoint
{
    /// <summary>Bearing housing at the drive end (coupling side) ("drive-end").</summary>
    DriveEnd = 1,

    /// <summary>Bearing housing at the non-drive end ("non-drive-end").</summary>
    NonDriveEnd = 2,

    /// <summary>Anywhere else; the installation notes say where ("other").</summary>
    Other = 3,
}
