using Retrosense.Node.Ports;

namespace Retrosense.Node.Core.Tests.Runtime;

/// <summary>A clock the test moves by hand; wall time starts on 2026-11-27 UTC.</summary>
public sealed class ManualClock : IClock
{
    public const long StartUtcMilliseconds = 1_795_737_600_000;

    public long UtcNowMilliseconds => StartUtcMilliseconds + MonotonicMilliseconds;

    public bool IsSynchronized { get; set; } = true;

    public long MonotonicMilliseconds { get; private set; }

    public void Advance(long milliseconds) => MonotonicMilliseconds += milliseconds;
}
