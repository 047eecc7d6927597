using System;
using System.IO;
using System.Text;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Nano.Settings
{
    /// <summary>
    /// Parses the node settings file that the installer deploys with <c>nanoff deploy file</c> (see firmware/README.md):
    /// one <c>key=value</c> per line, <c>#</c> starts a comment, blank lines ignored. Keys: <c>tenant</c>, <c>site</c>,
    /// <c>asset</c>, <c>node</c>, <c>broker_host</c>, <c>broker_port</c> (default 8883), <c>ntp_server</c> (optional).
    /// </summary>
    /// <remarks>A plain format rather than JSON keeps the parser a page long on a device with no JSON library loaded.</remarks>
    public static class NodeSettingsFile
    {
        /// <summary>Largest settings file read (a real one is about 200 bytes).</summary>
        public const int MaxFileBytes = 2048;

        /// <summary>Reads and parses the file at <paramref name="path"/>; null (logged) when it is missing or invalid.</summary>
        public static NodeSettings Load(string path, INodeLog log)
        {
            try
            {
                if (!File.Exists(path))
                {
                    log.Error("node settings file " + path + " not found: deploy it with nanoff (firmware/README.md)");
                    return null;
                }

                byte[] bytes;
                using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    if (stream.Length > MaxFileBytes)
                    {
                        log.Error("node settings file " + path + " is larger than " + MaxFileBytes.ToString() + " bytes");
                        return null;
                    }

                    bytes = new byte[(int)stream.Length];
                    int read = 0;
                    while (read < bytes.Length)
                    {
                        int got = stream.Read(bytes, read, bytes.Length - read);
                        if (got <= 0)
                        {
                            break;
                        }

                        read += got;
                    }
                }

                string error;
                NodeSettings settings = Parse(Encoding.UTF8.GetString(bytes, 0, bytes.Length), out error);
                if (settings == null)
                {
                    log.Error("node settings file " + path + ": " + error);
                }

                return settings;
            }
            catch (Exception ex)
            {
                log.Error("node settings file " + path + " unreadable: " + ex.Message);
                return null;
            }
        }

        /// <summary>
        /// Reads the settings from <paramref name="text"/>.
        /// </summary>
        /// <returns>The settings, or null with <paramref name="error"/> naming the first problem (missing key, bad port, unknown key).</returns>
        public static NodeSettings Parse(string text, out string error)
        {
            NodeSettings settings = new NodeSettings();
            error = string.Empty;
            string[] lines = text.Split(new char[] { '\n' });
            for (int lineNumber = 0; lineNumber < lines.Length; lineNumber++)
            {
                string line = lines[lineNumber].Trim();
                int comment = line.IndexOf('#');
                if (comment >= 0)
                {
                    line = line.Substring(0, comment).Trim();
                }

                if (line.Length == 0)
                {
                    continue;
                }

                int equals = line.IndexOf('=');
                if (equals <= 0)
                {
                    error = "line " + (lineNumber + 1).ToString() + ": expected key=value";
                    return null;
                }

                string key = line.Substring(0, equals).Trim();
                string value = line.Substring(equals + 1).Trim();
                if (!Apply(settings, key, value, out error))
                {
                    error = "line " + (lineNumber + 1).ToString() + ": " + error;
                    return null;
                }
            }

            if (!Require("tenant", settings.Tenant, out error)
                || !Require("site", settings.Site, out error)
                || !Require("asset", settings.Asset, out error)
                || !Require("node", settings.NodeId, out error)
                || !Require("broker_host", settings.BrokerHost, out error))
            {
                return null;
            }

            return settings;
        }

        private static bool Apply(NodeSettings settings, string key, string value, out string error)
        {
            error = string.Empty;
            switch (key)
            {
                case "tenant":
                    settings.Tenant = value;
                    return true;
                case "site":
                    settings.Site = value;
                    return true;
                case "asset":
                    settings.Asset = value;
                    return true;
                case "node":
                    settings.NodeId = value;
                    return true;
                case "broker_host":
                    settings.BrokerHost = value;
                    return true;
                case "ntp_server":
                    settings.NtpServer = value;
                    return true;
                case "broker_port":
                    int port;
                    if (!int.TryParse(value, out port) || port < 1 || port > 65535)
                    {
                        error = "broker_port must be 1-65535, got '" + value + "'";
                        return false;
                    }

                    settings.BrokerPort = port;
                    return true;
                default:
                    error = "unknown key '" + key + "'";
                    return false;
            }
        }

        private static bool Require(string key, string value, out string error)
        {
            error = value.Length == 0 ? "missing " + key : string.Empty;
            return value.Length != 0;
        }
    }
}
