using System.Collections.Generic;

namespace Retrosense.Analytics.FailureRisk;

/// <summary>
/// One run of the labelled history: its process inputs, whether the machine failed, and which failure modes were flagged.
/// The mode flags are targets of their own models only; they never enter the machine-failure model's features
/// (they define its label: leakage).
/// </summary>
public sealed record LabelledMachineRun(MachineRun Run, bool MachineFailure, IReadOnlySet<FailureMode> Modes)
{
    public bool Has(FailureMode mode) => Modes.Contains(mode);
}
