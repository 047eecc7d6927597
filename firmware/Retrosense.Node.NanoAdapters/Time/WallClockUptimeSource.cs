using System;

namespace Retrosense.Node.Nano.Time
{
    /// <summary>
    /// Uptime derived from the wall clock for boards without a usable free-running timer in managed code (nanoFramework's
    /// mscorlib 1.17 has no Environment.TickCount or Stopwatch): it adds up the forward steps of <see cref="DateTime.UtcNow"/>
    /// and ignores the steps SNTP makes, so intervals never jump when the clock is set.
    /// </summary>
    /// <remarks>
    /// A step larger than <see cref="MaximumStepMilliseconds"/> between two readings, or any backward step, is taken as the
    /// clock being set and counted as zero. The node reads this at least every poll (tens of ms), so a real 30 s gap between
    /// readings does not happen while it runs; if it ever did, uptime would under-count that once, never run backwards.
    /// </remarks>
    public sealed class WallClockUptimeSource : IUptimeSource
    {
        /// <summary>Largest step between two readings accepted as elapsed time.</summary>
        public const long MaximumStepMilliseconds = 30000;

        private readonly object _lock = new object();
        private long _lastTicks = DateTime.UtcNow.Ticks;
        private long _elapsedMilliseconds;

        public long MillisecondsSinceBoot
        {
            get
            {
                lock (_lock)
                {
                    long now = DateTime.UtcNow.Ticks;
                    long stepMilliseconds = (now - _lastTicks) / TimeSpan.TicksPerMillisecond;
                    if (stepMilliseconds > 0 && stepMilliseconds <= MaximumStepMilliseconds)
                    {
                        _elapsedMilliseconds += stepMilliseconds;
                        _lastTicks += stepMilliseconds * TimeSpan.TicksPerMillisecond;
                    }
                    else if (stepMilliseconds != 0)
                    {
                        _lastTicks = now;
                    }

                    return _elapsedMilliseconds;
                }
            }
        }
    }
}
