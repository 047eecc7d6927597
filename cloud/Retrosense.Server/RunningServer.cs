using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Retrosense.Storage;

namespace Retrosense.Server;

/// <summary>A started server: where it listens, its services, and a graceful stop (flush ingestion, close the store).</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly ReportingStore _store;
    private int _disposed;

    internal RunningServer(WebApplication application, ReportingStore store)
    {
        Application = application;
        _store = store;
    }

    public WebApplication Application { get; }

    public IServiceProvider Services => Application.Services;

    /// <summary>The first HTTP address Kestrel bound (the real port when the URL asked for 0).</summary>
    public Uri HttpAddress => new(Application.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    /// <summary>Where nodes connect (waits until the broker listens).</summary>
    public Task<Uri> GetBrokerAddressAsync(CancellationToken cancellationToken = default) =>
        Application.Services.GetRequiredService<IBrokerEndpoint>().WaitUntilListeningAsync(cancellationToken);

    /// <summary>Stops accepting, lets ingestion commit what it holds, then closes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await Application.StopAsync().ConfigureAwait(false);
            await Application.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await _store.DisposeAsync().ConfigureAwait(false);
        }
    }
}
