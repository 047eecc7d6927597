namespace Retrosense.Node.Ports
{
    /// <summary>Wall clock and monotonic time of the node (SNTP on the devices, the system clock on Linux).</summary>
    public interface IClock
    {
        /// <summary>
        /// UTC time in milliseconds since the Unix epoch. Before the first sync the adapter must still return a time no
        /// earlier than the firmware's build date (the cloud rejects timestamps before 2020); messages then say <c>unsynced</c>.
        /// </summary>
        long UtcNowMilliseconds { get; }

        /// <summary>True once the wall clock has been set from a trusted source (SNTP); messages then say <c>synced</c>.</summary>
        bool IsSynchronized { get; }

        /// <summary>Milliseconds since boot; never jumps, used for intervals and timeouts.</summary>
        long MonotonicMilliseconds { get; }
    }
}
