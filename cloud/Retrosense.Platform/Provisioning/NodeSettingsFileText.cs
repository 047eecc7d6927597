using System;
using System.Globalization;
using System.Text;

namespace Retrosense.Platform.Provisioning;

/// <summary>
/// The <c>node.conf</c> a nanoFramework node reads at boot, in the format of the firmware's parser
/// (firmware/Retrosense.Node.NanoAdapters/Settings/NodeSettingsFile.cs): one <c>key=value</c> per line, <c>#</c> starts a
/// comment, keys <c>tenant</c>, <c>site</c>, <c>asset</c>, <c>node</c>, <c>broker_host</c>, <c>broker_port</c>. No
/// <c>ntp_server</c>: the firmware's default NTP server stays until the installer adds one for a site that blocks public NTP.
/// </summary>
public static class NodeSettingsFileText
{
    public static string Write(NodeCertificateSubject subject, Uri brokerUrl)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(brokerUrl);
        var text = new StringBuilder();
        text.Append("# Retrosense node settings, written by `retrosense node provision` (format: firmware/README.md)\n");
        Line(text, "tenant", subject.Tenant);
        Line(text, "site", subject.Site);
        Line(text, "asset", subject.Asset);
        Line(text, "node", subject.Node);
        Line(text, "broker_host", brokerUrl.Host);
        Line(text, "broker_port", BrokerSecurityFiles.PortOf(brokerUrl).ToString(CultureInfo.InvariantCulture));
        return text.ToString();
    }

    // The device's parser cuts a line at '#' and splits lines at '\n': a value holding either would be read back wrong.
    private static void Line(StringBuilder text, string key, string value)
    {
        if (value.Length == 0 || value.IndexOfAny(['#', '\n', '\r']) >= 0)
        {
            throw new ArgumentException($"{key} '{value}' cannot be written to {NodeOutputFiles.NodeSettings} (empty, or holds '#' or a line break)", nameof(value));
        }

        text.Append(key).Append('=').Append(value).Append('\n');
    }
}
