using System;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Nano.Time
{
    /// <summary>
    /// <see cref="IClock"/> on a nanoFramework device: wall time from the system clock that the firmware's SNTP client sets,
    /// monotonic time from an <see cref="IUptimeSource"/>.
    /// </summary>
    public sealed class NanoClock : IClock
    {
        /// <summary>
        /// Earliest year taken as a set clock. An unset nanoFramework clock starts near its epoch (years before this), and
        /// no node runs this firmware before it, so a later year means SNTP has set the clock.
        /// </summary>
        public const int FirstPlausibleYear = 2025;

        private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

        private readonly IUptimeSource _uptime;

        public NanoClock(IUptimeSource uptime)
        {
            _uptime = uptime;
        }

        public long UtcNowMilliseconds
        {
            get { return (DateTime.UtcNow.Ticks - UnixEpochTicks) / TimeSpan.TicksPerMillisecond; }
        }

        public bool IsSynchronized
        {
            get { return DateTime.UtcNow.Year >= FirstPlausibleYear; }
        }

        public long MonotonicMilliseconds
        {
            get { return _uptime.MillisecondsSinceBoot; }
        }
    }
}
