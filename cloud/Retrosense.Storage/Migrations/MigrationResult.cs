using System.Collections.Generic;

namespace Retrosense.Storage.Migrations;

/// <summary>What a migration run did.</summary>
/// <param name="SchemaVersion">The database's schema version afterwards (= the latest migration this build carries).</param>
/// <param name="AppliedVersions">The versions this run applied; empty when the database was already current.</param>
public sealed record MigrationResult(int SchemaVersion, IReadOnlyList<int> AppliedVersions);
