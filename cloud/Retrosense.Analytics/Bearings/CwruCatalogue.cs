using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;

namespace Retrosense.Analytics.Bearings;

/// <summary>
/// What the CWRU Bearing Data Center's catalogue says about a file that the file itself does not: its sample rate and
/// which bearing carries the fault. CWRU files store no rate; their variables carry the original file number
/// (<c>X105_DE_time</c> in 105.mat), and the catalogue pages give the rate per number: "Normal Baseline Data"
/// (97–100) and "48k Drive End Bearing Fault Data" at 48 kHz, "12k Drive End" and "12k Fan End" at 12 kHz
/// (numbers as listed by the CWRU-1 collection's data_urls.py; shared/data/bearing/README.md checks 97.mat is 48 kHz).
/// </summary>
public static class CwruCatalogue
{
    /// <summary>Rate of the "12k" recordings, in Hz.</summary>
    public const double TwelveKilohertz = 12_000;

    /// <summary>Rate of the normal baseline and the "48k Drive End" recordings, in Hz.</summary>
    public const double FortyEightKilohertz = 48_000;

    private static readonly FrozenSet<int> FortyEightKilohertzFiles = Ranges(
        (97, 100),                                               // normal baseline, 0–3 hp
        (109, 112), (122, 125), (135, 138), (148, 151), (161, 164), // 0.007": IR, B, OR@6, OR@3, OR@12
        (174, 177), (189, 192), (201, 204),                      // 0.014": IR, B, OR@6
        (213, 215), (217, 217), (226, 229), (238, 241), (250, 253), (262, 265)); // 0.021" (216 is not in the catalogue)

    private static readonly FrozenSet<int> TwelveKilohertzDriveEndFiles = Ranges(
        (105, 108), (118, 121), (130, 133), (144, 147), (156, 156), (158, 160),
        (169, 172), (185, 188), (197, 200),
        (209, 212), (222, 225), (234, 237), (246, 249), (258, 261),
        (3001, 3008));                                           // 0.028": IR, B

    // "12k Fan End Bearing Fault Data": the defect is in the fan-end bearing, so the drive-end channel does not carry it.
    private static readonly FrozenSet<int> FanEndFaultFiles = Ranges((270, 318));

    /// <summary>Nominal shaft speed per motor load 0–3 hp, in rpm (CWRU test-rig description).</summary>
    public static IReadOnlyList<double> NominalShaftSpeedRpmByLoadHorsepower { get; } = [1797, 1772, 1750, 1730];

    /// <summary>The catalogue's sample rate for a CWRU file number, in Hz, or null for a number it does not list.</summary>
    public static double? SampleRateHz(int fileNumber)
    {
        if (FortyEightKilohertzFiles.Contains(fileNumber))
        {
            return FortyEightKilohertz;
        }

        return TwelveKilohertzDriveEndFiles.Contains(fileNumber) || FanEndFaultFiles.Contains(fileNumber) ? TwelveKilohertz : null;
    }

    /// <summary>True for a "12k Fan End" fault recording, whose defect is not in the drive-end bearing.</summary>
    public static bool IsFanEndFault(int fileNumber) => FanEndFaultFiles.Contains(fileNumber);

    private static FrozenSet<int> Ranges(params (int First, int Last)[] ranges) =>
        ranges.SelectMany(range => Enumerable.Range(range.First, range.Last - range.First + 1)).ToFrozenSet();
}
