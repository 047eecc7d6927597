using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Retrosense.Platform.Provisioning;

/// <summary>
/// The JSON file <c>nanoff --networkdeployment FILE</c> writes into a nanoFramework device's configuration store: the
/// Wi-Fi client (or Ethernet) settings, the CA bundle the node trusts and its device certificate. Property names are those
/// of nanoFirmwareFlasher's NetworkDeploymentConfiguration / WirelessConfiguration / Ethernet classes (read case-insensitively
/// with System.Text.Json); certificates go inline as Base64 so the file is self-contained.
/// <para>
/// mbedTLS parses PEM only from a NUL-terminated buffer. nanoff tries to add the NUL (CheckNullPemTermination) but resizes
/// a copy of the array, so the bytes it uploads are unchanged; we therefore put the NUL in ourselves. The device
/// certificate is the certificate followed by its private key: nanoFramework parses both from the one stored blob when a
/// TLS client uses the stored device certificate.
/// </para>
/// </summary>
public static class NanoffNetworkDeployment
{
    public static string Write(NodeBoardProfile board, string? wifiSsid, string? wifiPassword, string caBundlePem, IssuedCertificate deviceCertificate)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(deviceCertificate);
        if (!board.IsNanoFramework)
        {
            throw new ArgumentException($"board {board.Name} is not set up with nanoff", nameof(board));
        }

        var document = new JsonObject();
        if (board.UsesWifi)
        {
            if (string.IsNullOrEmpty(wifiSsid))
            {
                throw new ArgumentException($"board {board.Name} needs a Wi-Fi SSID", nameof(wifiSsid));
            }

            document["WirelessClient"] = new JsonObject
            {
                ["Ssid"] = wifiSsid,
                ["Password"] = wifiPassword ?? string.Empty,
                ["Authentication"] = string.IsNullOrEmpty(wifiPassword) ? "Open" : "WPA2",
                ["Encryption"] = string.IsNullOrEmpty(wifiPassword) ? "None" : "WPA2",
                // AutoConnect includes Enable: the firmware joins the stored network at boot without application code.
                ["ConfigurationOption"] = "AutoConnect",
                ["DhcpEnabled"] = true,
                ["AutomaticDNS"] = true,
            };
        }

        if (board.UsesEthernet)
        {
            document["Ethernet"] = new JsonObject
            {
                ["DhcpEnabled"] = true,
                ["AutomaticDNS"] = true,
            };
        }

        document["CACertificates"] = NulTerminatedBase64(caBundlePem);
        document["DeviceCertificates"] = NulTerminatedBase64(deviceCertificate.CertificateAndKeyPem);
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static string NulTerminatedBase64(string pem)
    {
        var bytes = Encoding.ASCII.GetBytes(pem + "\0");
        return Convert.ToBase64String(bytes);
    }
}
