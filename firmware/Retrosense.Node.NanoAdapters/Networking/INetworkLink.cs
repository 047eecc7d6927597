namespace Retrosense.Node.Nano.Networking
{
    /// <summary>The board's IP link (Wi-Fi on the ESP32, Ethernet on the STM32F769I-DISCOVERY), as the runner needs it.</summary>
    public interface INetworkLink
    {
        /// <summary>True while the interface has an IP address.</summary>
        bool IsUp { get; }

        /// <summary>
        /// Brings the link up from the device's stored network configuration (written by nanoff) and waits for an IP
        /// address and an SNTP-set clock, which TLS certificate checks need.
        /// </summary>
        /// <returns>False when that did not happen within <paramref name="timeoutMilliseconds"/>.</returns>
        bool EnsureUp(int timeoutMilliseconds);

        /// <summary>Received signal strength in dBm from the last measurement; 0 on a wired link or when not known yet.</summary>
        int RssiDbm { get; }
    }
}
