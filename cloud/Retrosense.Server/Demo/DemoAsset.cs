using Retrosense.Node.Configuration;

namespace Retrosense.Server.Demo;

/// <summary>One machine of the demo plant and the node watching it.</summary>
/// <param name="ShaftSpeedRpm">Nominal motor speed: Korea's grid is 60 Hz, so a 4-pole induction motor runs near 1,780 rpm under load.</param>
/// <param name="DevelopsBearingFault">True for the one asset whose outer race spalls during the demo.</param>
public sealed record DemoAsset(
    string AssetId,
    string Name,
    MachineGroup MachineGroup,
    Foundation Foundation,
    float ShaftSpeedRpm,
    string NodeId,
    bool DevelopsBearingFault);
