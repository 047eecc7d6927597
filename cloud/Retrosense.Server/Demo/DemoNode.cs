namespace Retrosense.Server.Demo;

/// <summary>A demo node ready to run: its asset, the password just issued to it, and the last boot the cloud stored from it.</summary>
/// <param name="LastBoot">Boot counter of the node's newest stored message (0 when none): the demo node's flash lives in
/// memory, so without this a resumed node would boot as 1 again and the cloud would drop its (node, boot, seq) as repeats.</param>
public sealed record DemoNode(DemoAsset Asset, string Password, long LastBoot);
