namespace Retrosense.Platform.Provisioning;

/// <summary>File names in a provisioned node's output folder (what the technician takes to the machine).</summary>
public static class NodeOutputFiles
{
    /// <summary>The node's client certificate followed by its tenant CA (a full chain for any TLS client).</summary>
    public const string Certificate = "node.crt";

    /// <summary>The node's private key, PKCS#8 PEM, owner-only.</summary>
    public const string PrivateKey = "node.key";

    /// <summary>The CAs the node trusts for the broker's certificate.</summary>
    public const string TrustBundle = "ca.crt";

    /// <summary>The node's first config, as the <c>config</c> message the node itself decodes.</summary>
    public const string Config = "config.json";

    /// <summary>nanoff's network deployment file: Wi-Fi/Ethernet, CA bundle and device certificate with key; owner-only.</summary>
    public const string NanoffNetworkDeployment = "nanoff-network.json";

    /// <summary>
    /// The nanoFramework node's identity and broker (<c>key=value</c>), read at boot by the firmware's NodeSettingsFile from
    /// <c>I:\retrosense\node.conf</c> (ESP32) or <c>retrosense\node.conf</c> on the microSD card (STM32); see firmware/README.md.
    /// </summary>
    public const string NodeSettings = "node.conf";

    /// <summary>nanoff's file deployment for an ESP32 node: node.conf and the first config into the device's internal flash.</summary>
    public static string NanoffFileDeployment(string node) => node + "-files.json";

    /// <summary>The flash and deploy steps for this node.</summary>
    public const string Readme = "README.txt";
}
