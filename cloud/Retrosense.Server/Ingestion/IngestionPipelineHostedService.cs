using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Retrosense.Platform.Ingestion;

namespace Retrosense.Server.Ingestion;

/// <summary>
/// Creates the pipeline at start (so its writer runs before the broker takes connections) and, at shutdown, after the
/// broker stopped, commits whatever is still queued: the graceful stop that flushes.
/// </summary>
internal sealed class IngestionPipelineHostedService(IngestionPipeline pipeline) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => pipeline.StopAsync(cancellationToken);
}
