using System;

namespace Retrosense.Node.Host.Transport;

/// <summary>
/// Delay before the next broker connection attempt: exponential backoff with full jitter. The ceiling starts at
/// <see cref="InitialDelay"/>, doubles after every failed attempt up to <see cref="MaximumDelay"/>, and the delay actually
/// waited is drawn uniformly from [ceiling/2, ceiling], so a fleet that lost its broker at the same moment does not
/// reconnect in lock-step ("Exponential Backoff And Jitter", AWS Architecture Blog, 2015: "equal jitter").
/// Not thread-safe: one instance per connection loop.
/// </summary>
public sealed class ReconnectBackoff
{
    /// <summary>First ceiling: 1 s (issue 3: "1 s doubling to a 2 min cap").</summary>
    public static readonly TimeSpan DefaultInitialDelay = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the ceiling: 2 min.</summary>
    public static readonly TimeSpan DefaultMaximumDelay = TimeSpan.FromMinutes(2);

    private readonly Random _random;
    private TimeSpan _ceiling;

    public ReconnectBackoff(Random random)
        : this(random, DefaultInitialDelay, DefaultMaximumDelay)
    {
    }

    public ReconnectBackoff(Random random, TimeSpan initialDelay, TimeSpan maximumDelay)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (initialDelay <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(initialDelay), "the initial delay must be positive");
        }

        if (maximumDelay < initialDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(maximumDelay), "the maximum delay must not be below the initial delay");
        }

        _random = random;
        InitialDelay = initialDelay;
        MaximumDelay = maximumDelay;
        _ceiling = initialDelay;
    }

    public TimeSpan InitialDelay { get; }

    public TimeSpan MaximumDelay { get; }

    /// <summary>Upper bound of the next delay.</summary>
    public TimeSpan CurrentCeiling => _ceiling;

    /// <summary>Failed attempts since the last <see cref="Reset"/>.</summary>
    public int FailedAttempts { get; private set; }

    /// <summary>Records a failed attempt and returns how long to wait before the next one; the ceiling then doubles.</summary>
    public TimeSpan NextDelay()
    {
        var ceiling = _ceiling;
        var half = ceiling.Ticks / 2;
        var delay = TimeSpan.FromTicks(half + (long)(_random.NextDouble() * (ceiling.Ticks - half)));
        FailedAttempts++;
        var doubled = ceiling.Ticks >= MaximumDelay.Ticks / 2 ? MaximumDelay : TimeSpan.FromTicks(ceiling.Ticks * 2);
        _ceiling = doubled;
        return delay;
    }

    /// <summary>After a successful connection: the next outage starts again from <see cref="InitialDelay"/>.</summary>
    public void Reset()
    {
        _ceiling = InitialDelay;
        FailedAttempts = 0;
    }
}
