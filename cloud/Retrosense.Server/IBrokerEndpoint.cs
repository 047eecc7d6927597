using System;
using System.Threading;
using System.Threading.Tasks;

namespace Retrosense.Server;

/// <summary>Where nodes reach the broker the server ingests from (the embedded one once it listens, or the external one).</summary>
public interface IBrokerEndpoint
{
    /// <summary>True when the server runs its own broker (nodes authenticate against the registry).</summary>
    bool IsEmbedded { get; }

    /// <summary>The plain-MQTT address nodes connect to, e.g. <c>mqtt://127.0.0.1:1883</c>; completes once the broker accepts connections.</summary>
    Task<Uri> WaitUntilListeningAsync(CancellationToken cancellationToken);
}
