using System.Threading;
using Retrosense.Node.Nano.Time;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Nano.Diagnostics
{
    /// <summary>
    /// Restarts the device when the main loop stops feeding it for <see cref="TimeoutMilliseconds"/>: a stuck sensor bus,
    /// a socket call that never returns, a deadlock. nanoFramework has no managed API for the MCU's hardware watchdog
    /// (whatever the firmware image does with it is outside the app's control), so this one runs as a managed thread and
    /// reboots through nanoFramework.Runtime.Native.Power.RebootDevice after recording the cause. It cannot catch a hung
    /// runtime, only a stalled main loop.
    /// </summary>
    /// <remarks>
    /// The timeout must cover the slowest legitimate iteration: a window's DSP on the device (not measured yet on an ESP32;
    /// the core's DSP README gives the operation count) plus a PUBACK wait (10 s). Five minutes leaves a wide margin.
    /// </remarks>
    public sealed class SoftwareWatchdog
    {
        /// <summary>Longest the main loop may go without feeding the watchdog.</summary>
        public const int TimeoutMilliseconds = 300000;

        private const int CheckIntervalMilliseconds = 5000;

        private readonly IUptimeSource _uptime;
        private readonly IPersistentStore _store;
        private readonly INodeLog _log;
        private readonly object _lock = new object();
        private long _lastFedMilliseconds;

        public SoftwareWatchdog(IUptimeSource uptime, IPersistentStore store, INodeLog log)
        {
            _uptime = uptime;
            _store = store;
            _log = log;
        }

        /// <summary>Starts the watchdog thread; feed it from the main loop from then on.</summary>
        public void Start()
        {
            Feed();
            Thread thread = new Thread(Watch);
            thread.Priority = ThreadPriority.AboveNormal;
            thread.Start();
        }

        /// <summary>Called once per main-loop iteration.</summary>
        public void Feed()
        {
            long now = _uptime.MillisecondsSinceBoot;

            // nanoFramework's Interlocked has no 64-bit overloads, so the two threads share the value under a lock.
            lock (_lock)
            {
                _lastFedMilliseconds = now;
            }
        }

        private void Watch()
        {
            while (true)
            {
                Thread.Sleep(CheckIntervalMilliseconds);
                long lastFed;
                lock (_lock)
                {
                    lastFed = _lastFedMilliseconds;
                }

                long starvedMilliseconds = _uptime.MillisecondsSinceBoot - lastFed;
                if (starvedMilliseconds > TimeoutMilliseconds)
                {
                    _log.Error("main loop stalled for " + starvedMilliseconds.ToString() + " ms: restarting");
                    ResetCauseRecord.Record(_store, ResetCauseRecord.Watchdog);
                    nanoFramework.Runtime.Native.Power.RebootDevice();
                }
            }
        }
    }
}
