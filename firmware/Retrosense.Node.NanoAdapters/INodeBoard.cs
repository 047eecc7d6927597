using Retrosense.Node.Nano.Networking;
using Retrosense.Node.Nano.Settings;
using Retrosense.Node.Nano.Time;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Nano
{
    /// <summary>
    /// What differs between the boards: names, paths, pins (inside the factories), the network link, the uptime source
    /// and what the platform can say about the last reset. Each app has one implementation next to its pin map.
    /// </summary>
    public interface INodeBoard
    {
        /// <summary>Board name written in <c>birth</c>: <c>esp32</c> or <c>stm32</c>.</summary>
        string BoardName { get; }

        /// <summary>Folder of the persistent store (config, boot counter, store-and-forward queue).</summary>
        string StoreFolder { get; }

        /// <summary>Path of the node settings file deployed with nanoff.</summary>
        string SettingsPath { get; }

        /// <summary>Store-and-forward slots the board's RAM allows (see the core's StoreAndForward/README.md).</summary>
        int QueueCapacity { get; }

        IUptimeSource Uptime { get; }

        /// <summary>Start cause as far as the platform tells it, used when the firmware recorded none.</summary>
        string PlatformResetCause();

        /// <summary>Sets the pin functions and opens the buses; called once, first.</summary>
        void ConfigurePins();

        INetworkLink CreateNetworkLink(INodeLog log);

        IAccelerometer CreateAccelerometer(INodeLog log);

        IEnvironmentSensor CreateEnvironmentSensor(INodeLog log);
    }
}
