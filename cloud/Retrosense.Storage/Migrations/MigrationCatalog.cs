using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Retrosense.Storage.Migrations;

/// <summary>The migrations this build carries, read from the assembly's embedded <c>Migrations/{dialect}/*.sql</c>.</summary>
public static class MigrationCatalog
{
    private const string ResourcePrefix = "Migrations/";

    /// <summary>The dialect's migrations in version order; throws when the embedded set is malformed (a build error).</summary>
    public static IReadOnlyList<Migration> For(ReportingStoreKind kind)
    {
        var dialect = kind switch
        {
            ReportingStoreKind.Sqlite => "Sqlite",
            ReportingStoreKind.Postgres => "Postgres",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown store kind"),
        };

        var assembly = typeof(MigrationCatalog).Assembly;
        var folder = ResourcePrefix + dialect + "/";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var normalized = resource.Replace('\\', '/');
            if (!normalized.StartsWith(folder, StringComparison.Ordinal) || !normalized.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = Path.GetFileNameWithoutExtension(normalized.Substring(folder.Length));
            var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(fileName.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"migration resource '{resource}' is not named NNNN_name.sql");
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"migration resource '{resource}' cannot be read");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
            var checksum = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            migrations.Add(new Migration(version, fileName.Substring(underscore + 1), sql, checksum));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"{dialect} migrations must be numbered 1, 2, 3… without gaps or duplicates; found {string.Join(", ", migrations.Select(m => m.Version))}");
            }
        }

        return migrations;
    }
}
