using Retrosense.Node.Ports;

namespace Retrosense.Node.Nano.Diagnostics
{
    /// <summary>
    /// Why the device last started, for the <c>status</c> message. nanoFramework's managed API does not expose the MCU's
    /// reset-cause register (ESP-IDF's esp_reset_reason, STM32's RCC_CSR), so the firmware records its own reboots: before
    /// the software watchdog or the app restarts the device it stores the cause, and the next boot reads and clears it.
    /// Any other start (power-on, brown-out, hardware reset, crash) is reported as <see cref="PowerOnOrUnknown"/>.
    /// </summary>
    public static class ResetCauseRecord
    {
        /// <summary>Store key of the recorded cause (not one of the core's keys: boot, config, sf*).</summary>
        public const string StoreKey = "reset";

        /// <summary>No cause recorded: power-on, brown-out, reset button or a crash the firmware could not record.</summary>
        public const string PowerOnOrUnknown = "power_on_or_unknown";

        /// <summary>The software watchdog found the main loop stalled and restarted the device.</summary>
        public const string Watchdog = "watchdog";

        /// <summary>The app restarted the device on purpose (e.g. the network stack could not recover).</summary>
        public const string Software = "software";

        private const int MaxCauseBytes = 32;

        /// <summary>Reads the cause recorded before the last reboot and clears it, so a later power cut is not misreported.</summary>
        public static string ReadAndClear(IPersistentStore store, string platformCause)
        {
            byte[] buffer = new byte[MaxCauseBytes];
            string cause = platformCause;
            int length;
            if (store.TryRead(StoreKey, buffer, out length) && length > 0)
            {
                char[] text = new char[length];
                for (int i = 0; i < length; i++)
                {
                    text[i] = (char)buffer[i];
                }

                cause = new string(text);
                store.Delete(StoreKey);
            }

            return cause;
        }

        /// <summary>Records <paramref name="cause"/> (ASCII) just before a deliberate reboot.</summary>
        public static void Record(IPersistentStore store, string cause)
        {
            int length = cause.Length < MaxCauseBytes ? cause.Length : MaxCauseBytes;
            byte[] buffer = new byte[length];
            for (int i = 0; i < length; i++)
            {
                buffer[i] = (byte)cause[i];
            }

            store.Write(StoreKey, buffer, length);
        }
    }
}
