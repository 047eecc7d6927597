using System.Diagnostics;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Nano.Diagnostics
{
    /// <summary>
    /// <see cref="INodeLog"/> on nanoFramework's debug output (Visual Studio / VS Code output window while attached, the
    /// serial console otherwise). Lines carry a level prefix so a technician's terminal capture can be filtered.
    /// </summary>
    public sealed class DebugNodeLog : INodeLog
    {
        public void Info(string message)
        {
            Debug.WriteLine("[info] " + message);
        }

        public void Warning(string message)
        {
            Debug.WriteLine("[warn] " + message);
        }

        public void Error(string message)
        {
            Debug.WriteLine("[error] " + message);
        }
    }
}
