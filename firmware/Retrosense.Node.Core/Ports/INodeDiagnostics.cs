namespace Retrosense.Node.Ports
{
    /// <summary>Figures of the device itself for the <c>status</c> message.</summary>
    public interface INodeDiagnostics
    {
        /// <summary>Free managed heap, in bytes.</summary>
        int FreeHeapBytes { get; }

        /// <summary>Wi-Fi signal strength in dBm; 0 on a wired link.</summary>
        int RssiDbm { get; }

        /// <summary>Why the device last started (power-on, watchdog, brown-out, software), as the platform names it.</summary>
        string ResetReason { get; }

        /// <summary>Seconds since the device started.</summary>
        long UptimeSeconds { get; }
    }
}
