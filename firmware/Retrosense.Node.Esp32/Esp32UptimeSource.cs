using nanoFramework.Hardware.Esp32;
using Retrosense.Node.Nano.Time;

namespace Retrosense.Node.Esp32
{
    /// <summary>Uptime from the ESP32's 64-bit microsecond timer (esp_timer), which never jumps when SNTP sets the clock.</summary>
    public sealed class Esp32UptimeSource : IUptimeSource
    {
        public long MillisecondsSinceBoot
        {
            get { return (long)(HighResTimer.GetCurrent() / 1000UL); }
        }
    }
}
