using System;
using System.Net.NetworkInformation;
using System.Threading;
using nanoFramework.Networking;
using Retrosense.Node.Nano.Networking;
using Retrosense.Node.Nano.Time;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Stm32
{
    /// <summary>
    /// <see cref="INetworkLink"/> over the board's wired Ethernet (LAN8742A PHY on the 32F769IDISCOVERY), DHCP by default or
    /// the static address stored with nanoff's network deployment. RSSI does not apply: 0.
    /// </summary>
    public sealed class EthernetNetworkLink : INetworkLink
    {
        private const int PollMilliseconds = 500;

        private readonly INodeLog _log;
        private bool _helperStarted;

        public EthernetNetworkLink(INodeLog log)
        {
            _log = log;
        }

        public bool IsUp
        {
            get
            {
                NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
                for (int i = 0; i < interfaces.Length; i++)
                {
                    if (interfaces[i].NetworkInterfaceType == NetworkInterfaceType.Ethernet)
                    {
                        string address = interfaces[i].IPv4Address;
                        return address != null && address.Length > 0 && address != "0.0.0.0";
                    }
                }

                return false;
            }
        }

        public int RssiDbm
        {
            get { return 0; }
        }

        public bool EnsureUp(int timeoutMilliseconds)
        {
            if (IsUp && DateTime.UtcNow.Year >= NanoClock.FirstPlausibleYear)
            {
                return true;
            }

            if (!_helperStarted)
            {
                // NetworkHelper is meant to be set up once per boot; afterwards the firmware keeps DHCP and the link
                // going by itself, so later calls only wait for it.
                _helperStarted = true;
                CancellationTokenSource timeout = new CancellationTokenSource(timeoutMilliseconds);

                // requiresDateTime: wait until SNTP has set the clock, which TLS certificate validation needs.
                bool up = NetworkHelper.SetupAndConnectNetwork(timeout.Token, true);
                if (!up)
                {
                    _log.Warning("Ethernet not up: " + ((int)NetworkHelper.Status).ToString());
                }

                return up;
            }

            for (int waited = 0; waited < timeoutMilliseconds; waited += PollMilliseconds)
            {
                if (IsUp && DateTime.UtcNow.Year >= NanoClock.FirstPlausibleYear)
                {
                    return true;
                }

                Thread.Sleep(PollMilliseconds);
            }

            _log.Warning("Ethernet still down (cable, switch port or DHCP)");
            return false;
        }
    }
}
