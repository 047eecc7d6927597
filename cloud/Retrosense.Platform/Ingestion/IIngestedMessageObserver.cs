using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Retrosense.Platform.Ingestion;

/// <summary>
/// Told about messages after their batch committed (so it never sees a message that could still be lost), in commit
/// order; duplicates are not passed on. The cloud alarm monitor is one. An observer that throws is logged and does not
/// affect ingestion or other observers.
/// </summary>
public interface IIngestedMessageObserver
{
    Task OnCommittedAsync(IReadOnlyList<DecodedNodeMessage> newlyStoredMessages, CancellationToken cancellationToken);
}
