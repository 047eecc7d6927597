namespace Retrosense.Analytics.FailureRisk;

/// <summary>
/// What limits machine-failure recall on the held-out rows. Of the five modes only HDF, PWF and OSF are functions of the
/// logged inputs (Matzka 2020, section III); TWF happens at a random wear between 200 and 240 min and RNF at random, and
/// some failures carry no mode at all (9 in the file, listed as label errors by Redpoll, 2024).
/// <see cref="RecallIfOnlyInputDrivenModesCaught"/> is the recall of a model that catches exactly the failures with an
/// HDF, PWF or OSF flag; <see cref="F1IfOnlyInputDrivenModesCaught"/> its F1 with no false alarm. A model can beat it
/// only by catching some TWF failures from tool wear alone, which costs false alarms.
/// </summary>
public sealed record Ai4iCeiling(
    int TestFailuresWithoutMode,
    int TestFailuresOnlyToolWearOrRandom,
    int TestRandomFlagsWithoutMachineFailure,
    double RecallIfOnlyInputDrivenModesCaught,
    double F1IfOnlyInputDrivenModesCaught);
