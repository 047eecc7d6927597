namespace Retrosense.Node.Ports
{
    /// <summary>Wall clock and monotonic time of the node (SNTP on the devices, the system clock on Linux).</summary>
    public interface IClock
    {
        /// <summary>UTC time in milliseconds since the Unix epoch.</summary>
        long UtcNowMilliseconds { get; }

        /// <summary>True once the wall clock has been set from a trusted source (SNTP); messages then say <c>synced</c>.</summary>
        bool IsSynchronized { get; }

        /// <summary>Milliseconds since boot; never jumps, used for intervals and timeouts.</summary>
        long MonotonicMilliseconds { get; }
    }
}
