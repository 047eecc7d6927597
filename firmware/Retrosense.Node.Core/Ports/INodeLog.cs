namespace Retrosense.Node.Ports
{
    /// <summary>Diagnostic log (the debug console on the devices, ILogger on .NET).</summary>
    public interface INodeLog
    {
        void Info(string message);

        void Warning(string message);

        void Error(string message);
    }
}
