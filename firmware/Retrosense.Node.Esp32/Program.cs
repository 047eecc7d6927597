using Retrosense.Node.Nano;

namespace Retrosense.Node.Esp32
{
    /// <summary>Entry point of the ESP32 sensor node: the board profile and the shared application, nothing else.</summary>
    public static class Program
    {
        public static void Main()
        {
            NodeApplication.Run(new Esp32Board());
        }
    }
}
