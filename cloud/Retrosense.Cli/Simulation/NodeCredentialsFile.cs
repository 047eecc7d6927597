using System;
using System.Collections.Generic;
using System.IO;
using Retrosense.Contracts;

namespace Retrosense.Cli.Simulation;

/// <summary>
/// Reads <c>--credentials FILE</c>: one node per line, <c>tenant:node password</c> (username as the Retrosense server
/// expects it, a space, the password issued for the node); blank lines and lines starting with <c>#</c> are skipped.
/// </summary>
internal static class NodeCredentialsFile
{
    /// <summary>Passwords by MQTT username (<c>tenant:node</c>); throws a CLI error naming the line for anything malformed.</summary>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"--credentials: cannot read '{path}': {exception.Message}");
        }

        var passwords = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var where = $"--credentials {path} line {index + 1}";
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                throw new CliInputException($"{where}: expected 'tenant:node password'");
            }

            var username = line[..space];
            var password = line[(space + 1)..].Trim();
            var colon = username.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || password.Length == 0 || password.Contains(' ', StringComparison.Ordinal))
            {
                throw new CliInputException($"{where}: expected 'tenant:node password'");
            }

            if (TopicPath.SegmentProblem(username[..colon]) is { } tenantProblem)
            {
                throw new CliInputException($"{where}: tenant {tenantProblem}");
            }

            if (TopicPath.SegmentProblem(username[(colon + 1)..]) is { } nodeProblem)
            {
                throw new CliInputException($"{where}: node {nodeProblem}");
            }

            if (!passwords.TryAdd(username, password))
            {
                throw new CliInputException($"{where}: {username} appears twice");
            }
        }

        return passwords;
    }

    public static string Username(string tenant, string nodeId) => tenant + ":" + nodeId;
}
