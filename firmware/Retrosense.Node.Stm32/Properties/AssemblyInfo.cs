using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("Retrosense.Node.Stm32")]
[assembly: AssemblyDescription("Retrosense sensor node for STM32F769I-DISCOVERY (nanoFramework)")]
[assembly: AssemblyProduct("Retrosense")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: ComVisible(false)]
