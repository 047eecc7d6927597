using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;

namespace Retrosense.Platform.Provisioning;

/// <summary>
/// The files a Mosquitto broker needs to admit exactly the provisioned nodes, kept together in one folder
/// (default <c>{data-dir}/mosquitto/</c>) and rewritten on every provision and revoke (a revoke keeps the listener port provisioning wrote):
/// <list type="bullet">
/// <item><c>ca-bundle.crt</c>: every tenant CA (the broker verifies client certificates against it);</item>
/// <item><c>crl.pem</c>: every tenant CA's CRL (OpenSSL reads every CRL in the file; with <c>crlfile</c> set it requires
/// one for each CA, which is why a CA writes an empty CRL when it is created);</item>
/// <item><c>acl</c>: <see cref="MosquittoAclWriter"/> over the active nodes;</item>
/// <item><c>server.crt</c>/<c>server.key</c>/<c>server-ca.crt</c>: the broker's TLS certificate, signed on first use by the
/// CA of the tenant provisioned first (for a local or test broker; nodes of every tenant get <c>server-ca.crt</c> in their trust bundle);</item>
/// <item><c>cloud.crt</c>/<c>cloud.key</c>: the cloud ingestion's client identity <see cref="CloudServiceUsername"/>, allowed on every topic;</item>
/// <item><c>mosquitto.conf</c>: a listener using all of the above (<see cref="MosquittoListenerConfig"/>).</item>
/// </list>
/// </summary>
public sealed class BrokerSecurityFiles
{
    public const string CaBundleFileName = "ca-bundle.crt";
    public const string CrlFileName = "crl.pem";
    public const string AclFileName = "acl";
    public const string ServerCertificateFileName = "server.crt";
    public const string ServerKeyFileName = "server.key";
    public const string ServerCaFileName = "server-ca.crt";
    public const string CloudCertificateFileName = "cloud.crt";
    public const string CloudKeyFileName = "cloud.key";
    public const string ConfigFileName = "mosquitto.conf";

    /// <summary>Username (certificate CN) of the cloud's ingestion client in the ACL.</summary>
    public const string CloudServiceUsername = "retrosense-cloud";

    /// <summary>Default MQTT over TLS port (IANA "secure-mqtt").</summary>
    public const int DefaultTlsPort = 8883;

    public BrokerSecurityFiles(string directory)
    {
        Directory = Path.GetFullPath(directory);
    }

    public string Directory { get; }

    public string CaBundlePath => Path.Combine(Directory, CaBundleFileName);

    public string CrlPath => Path.Combine(Directory, CrlFileName);

    public string AclPath => Path.Combine(Directory, AclFileName);

    public string ServerCertificatePath => Path.Combine(Directory, ServerCertificateFileName);

    public string ServerKeyPath => Path.Combine(Directory, ServerKeyFileName);

    public string ServerCaPath => Path.Combine(Directory, ServerCaFileName);

    public string CloudCertificatePath => Path.Combine(Directory, CloudCertificateFileName);

    public string CloudKeyPath => Path.Combine(Directory, CloudKeyFileName);

    public string ConfigPath => Path.Combine(Directory, ConfigFileName);

    /// <summary>The CA certificate that signed the broker's server certificate, once one exists.</summary>
    public string? ServerCaPem => File.Exists(ServerCaPath) ? File.ReadAllText(ServerCaPath) : null;

    /// <summary>Creates the broker's server certificate and the cloud identity with <paramref name="authority"/> unless they exist.</summary>
    public void EnsureIdentities(TenantCertificateAuthority authority, string? brokerHost, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(authority);
        OwnerOnlyFiles.CreateDirectory(Directory);
        if (!File.Exists(ServerCertificatePath) || !File.Exists(ServerKeyPath))
        {
            var hostNames = new List<string> { "localhost" };
            var addresses = new List<IPAddress> { IPAddress.Loopback, IPAddress.IPv6Loopback };
            if (!string.IsNullOrEmpty(brokerHost))
            {
                if (IPAddress.TryParse(brokerHost, out var address))
                {
                    addresses.Add(address);
                }
                else
                {
                    hostNames.Insert(0, brokerHost);
                }
            }

            var server = authority.IssueBrokerCertificate(hostNames.Distinct(StringComparer.OrdinalIgnoreCase), addresses.Distinct(), now);
            File.WriteAllText(ServerCertificatePath, server.CertificatePem);
            OwnerOnlyFiles.WriteAllText(ServerKeyPath, server.PrivateKeyPem);
            File.WriteAllText(ServerCaPath, authority.CertificatePem);
        }

        if (!File.Exists(CloudCertificatePath) || !File.Exists(CloudKeyPath))
        {
            var cloud = authority.IssueServiceCertificate(CloudServiceUsername, now);
            File.WriteAllText(CloudCertificatePath, cloud.CertificatePem + authority.CertificatePem);
            OwnerOnlyFiles.WriteAllText(CloudKeyPath, cloud.PrivateKeyPem);
        }
    }

    /// <summary>
    /// Rewrites the CA bundle and CRL bundle from every tenant CA under <paramref name="pkiRoot"/>, the ACL from
    /// <paramref name="activeNodes"/>, and the listener config for <paramref name="port"/>.
    /// </summary>
    public void Write(string pkiRoot, IEnumerable<NodeTopicGrant> activeNodes, int? port)
    {
        port ??= ConfiguredPort() ?? DefaultTlsPort;
        OwnerOnlyFiles.CreateDirectory(Directory);
        var tenantFolders = TenantFolders(pkiRoot);
        File.WriteAllText(CaBundlePath, Concatenate(tenantFolders.Select(folder => Path.Combine(folder, TenantCertificateAuthority.CertificateFileName))));
        File.WriteAllText(CrlPath, Concatenate(tenantFolders.Select(folder => Path.Combine(folder, TenantCertificateAuthority.CrlFileName))));
        File.WriteAllText(AclPath, MosquittoAclWriter.Write(activeNodes, [CloudServiceUsername]));
        var listener = new MosquittoListenerConfig(port.Value, CaBundlePath, ServerCertificatePath, ServerKeyPath, CrlPath, AclPath);
        File.WriteAllText(ConfigPath, listener.Write());
    }

    /// <summary>The port of the listener in the existing <see cref="ConfigPath"/>, so a revoke keeps the port provisioning chose.</summary>
    public int? ConfiguredPort()
    {
        if (!File.Exists(ConfigPath))
        {
            return null;
        }

        foreach (var line in File.ReadLines(ConfigPath))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && parts[0] == "listener" && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port))
            {
                return port;
            }
        }

        return null;
    }

    /// <summary>Every tenant folder under the PKI root that holds a CA, ordered by tenant id.</summary>
    public static IReadOnlyList<string> TenantFolders(string pkiRoot) =>
        !System.IO.Directory.Exists(pkiRoot)
            ? []
            : System.IO.Directory.GetDirectories(pkiRoot)
                .Where(folder => File.Exists(Path.Combine(folder, TenantCertificateAuthority.CertificateFileName)))
                .OrderBy(folder => folder, StringComparer.Ordinal)
                .ToList();

    private static string Concatenate(IEnumerable<string> files)
    {
        var text = new StringBuilder();
        foreach (var file in files.Where(File.Exists))
        {
            text.Append(File.ReadAllText(file).TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The port of an MQTT URL (<c>mqtts://host:port</c>), else <see cref="DefaultTlsPort"/>.</summary>
    public static int PortOf(Uri brokerUrl)
    {
        ArgumentNullException.ThrowIfNull(brokerUrl);
        return brokerUrl.IsDefaultPort || brokerUrl.Port <= 0 ? DefaultTlsPort : brokerUrl.Port;
    }
}
