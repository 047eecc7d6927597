namespace Retrosense.Node.Host.Simulation;

/// <summary>A fault the machine model can develop.</summary>
public enum FaultKind
{
    /// <summary>Spall on the outer race: impulses at BPFO, constant amplitude (stationary race).</summary>
    OuterRace,

    /// <summary>Spall on the inner race: impulses at BPFI, amplitude modulated at 1× as the defect passes the load zone.</summary>
    InnerRace,

    /// <summary>Spall on a rolling element: impulses at 2 × BSF (it strikes both races), modulated at the cage frequency.</summary>
    Ball,

    /// <summary>Growing mass imbalance: the 1× component rises.</summary>
    Imbalance,

    /// <summary>Growing shaft misalignment: the 2× component rises, mostly axially.</summary>
    Misalignment,
}
