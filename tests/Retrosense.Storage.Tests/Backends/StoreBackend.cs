using System;
using System.Threading.Tasks;

namespace Retrosense.Storage.Tests.Backends;

/// <summary>
/// One database the shared store tests run against: hands out a fresh, empty store per test and lets a test reach
/// under the store with raw SQL (to plant a future schema version, for example).
/// </summary>
public abstract class StoreBackend : IAsyncDisposable
{
    /// <summary>Options for a new, empty database (skips or fails the test when the database is not available).</summary>
    public abstract Task<ReportingStoreOptions> CreateEmptyStoreAsync(TimeProvider timeProvider);

    /// <summary>Runs <paramref name="sql"/> directly against the store the options point at.</summary>
    public abstract Task ExecuteSqlAsync(ReportingStoreOptions options, string sql);

    /// <summary>Runs a scalar query directly against the store.</summary>
    public abstract Task<object?> QueryScalarAsync(ReportingStoreOptions options, string sql);

    /// <summary>An SQL expression for "now" in the type the dialect stores instants as.</summary>
    public abstract string NowExpression { get; }

    public abstract ValueTask DisposeAsync();
}
