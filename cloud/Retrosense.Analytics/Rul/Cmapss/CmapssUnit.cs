using System.Collections.Generic;

namespace Retrosense.Analytics.Rul.Cmapss;

/// <summary>One engine's trajectory: its cycles in ascending order (run to failure in a train file, cut short in a test file).</summary>
public sealed record CmapssUnit(int UnitNumber, IReadOnlyList<CmapssCycle> Cycles)
{
    /// <summary>The last recorded cycle number: in a train file the cycle at which the engine failed.</summary>
    public int LastCycle => Cycles[^1].Cycle;
}
