using System.CommandLine;
using System.IO;

namespace Retrosense.Cli.Commands;

/// <summary><c>retrosense node</c>: provision, list and revoke sensor nodes, and issue their MQTT passwords.</summary>
internal sealed class NodeCommand
{
    public const string Name = "node";

    public NodeCommand(TextWriter stdout, TextWriter stderr)
    {
        Command = new Command(Name, "Provision, list and revoke sensor nodes (certificates, registry, broker ACL and CRL) and issue their MQTT passwords")
        {
            new NodeProvisionCommand(stdout, stderr).Command,
            new NodeListCommand(stdout, stderr).Command,
            new NodeRevokeCommand(stdout, stderr).Command,
            new NodeCredentialsCommand(stdout, stderr).Command,
        };
    }

    public Command Command { get; }
}
