namespace Retrosense.Storage.Migrations;

/// <summary>One versioned schema change: an embedded script <c>Migrations/{dialect}/{NNNN}_{name}.sql</c>.</summary>
/// <param name="Version">The NNNN prefix; versions run 1, 2, 3… with no gaps.</param>
/// <param name="Name">The part after the underscore, e.g. "registry".</param>
/// <param name="Sql">The script, run in one transaction.</param>
/// <param name="Checksum">SHA-256 (hex) of the script with line endings normalised, recorded when applied.</param>
public sealed record Migration(int Version, string Name, string Sql, string Checksum);
