namespace Retrosense.Server.Demo;

/// <summary>A demo node ready to run: its asset and the password just issued to it.</summary>
public sealed record DemoNode(DemoAsset Asset, string Password);
