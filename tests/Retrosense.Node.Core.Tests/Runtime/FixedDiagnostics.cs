using Retrosense.Node.Ports;

namespace Retrosense.Node.Core.Tests.Runtime;

public sealed class FixedDiagnostics : INodeDiagnostics
{
    public int FreeHeapBytes => 31_000;

    public int RssiDbm => -61;

    public string ResetReason => "power-on";

    public long UptimeSeconds => 42;
}
