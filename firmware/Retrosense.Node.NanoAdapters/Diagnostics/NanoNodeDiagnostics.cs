using Retrosense.Node.Nano.Networking;
using Retrosense.Node.Nano.Time;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Nano.Diagnostics
{
    /// <summary><see cref="INodeDiagnostics"/> on a nanoFramework device, for the <c>status</c> message.</summary>
    public sealed class NanoNodeDiagnostics : INodeDiagnostics
    {
        private readonly IUptimeSource _uptime;
        private readonly INetworkLink _network;
        private readonly string _resetReason;

        /// <summary>Figures for a node whose last start had <paramref name="resetReason"/> (see <see cref="ResetCauseRecord"/>).</summary>
        public NanoNodeDiagnostics(IUptimeSource uptime, INetworkLink network, string resetReason)
        {
            _uptime = uptime;
            _network = network;
            _resetReason = resetReason;
        }

        /// <summary>
        /// Free managed heap after a collection: nanoFramework.Runtime.Native.GC.Run(false) collects (without compacting) and
        /// returns the free bytes. The core asks once per status interval (10 min by default), so the collection's cost does
        /// not matter, and it reports what the node really has left rather than garbage not yet collected.
        /// </summary>
        public int FreeHeapBytes
        {
            get { return (int)nanoFramework.Runtime.Native.GC.Run(false); }
        }

        public int RssiDbm
        {
            get { return _network.RssiDbm; }
        }

        public string ResetReason
        {
            get { return _resetReason; }
        }

        public long UptimeSeconds
        {
            get { return _uptime.MillisecondsSinceBoot / 1000; }
        }
    }
}
