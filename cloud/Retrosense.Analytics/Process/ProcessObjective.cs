namespace Retrosense.Analytics.Process;

/// <summary>Whether a larger or a smaller value of the target is better (dissolution: maximize; impurities, waste: minimize).</summary>
public enum ProcessObjective
{
    Maximize,
    Minimize,
}
