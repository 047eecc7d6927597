using System.CommandLine;
using System.IO;

namespace Retrosense.Cli.Commands;

/// <summary><c>retrosense node</c>: provision, list and revoke sensor nodes.</summary>
internal sealed class NodeCommand
{
    public const string Name = "node";

    public NodeCommand(TextWriter stdout, TextWriter stderr)
    {
        Command = new Command(Name, "Provision, list and revoke sensor nodes (certificates, registry, broker ACL and CRL)")
        {
            new NodeProvisionCommand(stdout, stderr).Command,
            new NodeListCommand(stdout, stderr).Command,
            new NodeRevokeCommand(stdout, stderr).Command,
        };
    }

    public Command Command { get; }
}
