using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("Retrosense.Node.Esp32")]
[assembly: AssemblyDescription("Retrosense sensor node for ESP32 (nanoFramework)")]
[assembly: AssemblyProduct("Retrosense")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: ComVisible(false)]
