using System;
using System.Device.Wifi;
using System.Net.NetworkInformation;
using System.Threading;
using nanoFramework.Networking;
using Retrosense.Node.Nano.Networking;
using Retrosense.Node.Nano.Time;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Esp32
{
    /// <summary>
    /// <see cref="INetworkLink"/> over the ESP32's Wi-Fi station, using the SSID and password nanoff stored in the device's
    /// configuration store (never in code). RSSI comes from a background scan, refreshed at most every
    /// <see cref="RssiRefreshMilliseconds"/>.
    /// </summary>
    public sealed class WifiNetworkLink : INetworkLink
    {
        /// <summary>How often a scan may run for RSSI; a scan pauses traffic briefly, so not more than every 5 min.</summary>
        public const int RssiRefreshMilliseconds = 300000;

        private readonly INodeLog _log;
        private readonly object _lock = new object();
        private WifiAdapter _adapter;
        private int _rssiDbm;
        private DateTime _lastScanUtc = DateTime.MinValue;

        public WifiNetworkLink(INodeLog log)
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
                    if (interfaces[i].NetworkInterfaceType == NetworkInterfaceType.Wireless80211)
                    {
                        string address = interfaces[i].IPv4Address;
                        return address != null && address.Length > 0 && address != "0.0.0.0";
                    }
                }

                return false;
            }
        }

        public bool EnsureUp(int timeoutMilliseconds)
        {
            if (IsUp && DateTime.UtcNow.Year >= NanoClock.FirstPlausibleYear && _adapter != null)
            {
                return true;
            }

            CancellationTokenSource timeout = new CancellationTokenSource(timeoutMilliseconds);

            // Reconnect uses the stored Wireless80211 configuration (nanoff network deployment) and, with requiresDateTime,
            // also waits until SNTP has set the clock: TLS rejects certificates on a clock still in 1970.
            bool up = WifiNetworkHelper.Reconnect(true, 0, timeout.Token);
            if (!up)
            {
                _log.Warning("Wi-Fi not connected: " + ((int)WifiNetworkHelper.Status).ToString());
                return false;
            }

            lock (_lock)
            {
                if (_adapter == null)
                {
                    _adapter = WifiNetworkHelper.WifiAdapter;
                    if (_adapter != null)
                    {
                        _adapter.AvailableNetworksChanged += OnScanCompleted;
                    }
                }
            }

            return true;
        }

        public int RssiDbm
        {
            get
            {
                RequestScanIfDue();
                lock (_lock)
                {
                    return _rssiDbm;
                }
            }
        }

        private void RequestScanIfDue()
        {
            WifiAdapter adapter;
            lock (_lock)
            {
                adapter = _adapter;
                if (adapter == null || (DateTime.UtcNow - _lastScanUtc).Ticks < RssiRefreshMilliseconds * TimeSpan.TicksPerMillisecond)
                {
                    return;
                }

                _lastScanUtc = DateTime.UtcNow;
            }

            try
            {
                adapter.ScanAsync();
            }
            catch (Exception ex)
            {
                _log.Warning("Wi-Fi scan for RSSI failed: " + ex.Message);
            }
        }

        private void OnScanCompleted(WifiAdapter sender, object e)
        {
            Wireless80211Configuration[] configurations = Wireless80211Configuration.GetAllWireless80211Configurations();
            if (configurations.Length == 0)
            {
                return;
            }

            string ssid = configurations[0].Ssid;
            WifiAvailableNetwork[] networks = sender.NetworkReport.AvailableNetworks;
            for (int i = 0; i < networks.Length; i++)
            {
                // The scan report pads SSIDs to 33 bytes with NULs.
                if (networks[i].Ssid.TrimEnd(new char[] { '\0' }) == ssid)
                {
                    lock (_lock)
                    {
                        _rssiDbm = (int)networks[i].NetworkRssiInDecibelMilliwatts;
                    }

                    return;
                }
            }
        }
    }
}
