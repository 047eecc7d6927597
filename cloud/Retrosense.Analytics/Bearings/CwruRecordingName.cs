using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace Retrosense.Analytics.Bearings;

/// <summary>
/// The label a CWRU recording's file name carries, in the naming the CWRU-1 collection uses (see
/// shared/data/bearing/README.md): <c>&lt;fault&gt;&lt;diameter in mils&gt;[@position]_&lt;load hp&gt;</c>, e.g.
/// <c>Normal_0</c>, <c>IR007_0</c>, <c>B021_2</c>, <c>OR014@6_3</c>. Case does not matter; the extension is ignored.
/// </summary>
/// <param name="Stem">The file name without folder and extension.</param>
/// <param name="FaultClass">Normal, IR = inner race, OR = outer race, B = ball.</param>
/// <param name="FaultDiameterMils">Defect diameter in thousandths of an inch (7 = 0.007"); null for normal.</param>
/// <param name="OuterRacePositionOClock">Outer-race defect position relative to the load zone (3, 6, 12 o'clock); null otherwise.</param>
/// <param name="MotorLoadHorsepower">Motor load 0–3 hp from the suffix, null when the name has none.</param>
public sealed partial record CwruRecordingName(
    string Stem,
    BearingFaultClass FaultClass,
    int? FaultDiameterMils,
    int? OuterRacePositionOClock,
    int? MotorLoadHorsepower)
{
    /// <summary>Reads the label from a path's file name.</summary>
    /// <exception cref="BearingDataException">The name is not one of the CWRU patterns.</exception>
    public static CwruRecordingName Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stem = Path.GetFileNameWithoutExtension(path);
        var match = NamePattern().Match(stem);
        if (!match.Success)
        {
            throw new BearingDataException(
                $"{path}: cannot tell the bearing condition from the file name '{stem}': name it Normal_<load>, IR<mils>_<load>, B<mils>_<load> or OR<mils>@<position>_<load> (CWRU naming, e.g. IR007_0, OR021@6_0)");
        }

        var kind = match.Groups["kind"].Value.ToUpperInvariant();
        var faultClass = kind switch
        {
            "NORMAL" => BearingFaultClass.Normal,
            "IR" => BearingFaultClass.InnerRace,
            "OR" => BearingFaultClass.OuterRace,
            _ => BearingFaultClass.Ball,
        };

        var size = match.Groups["size"];
        var position = match.Groups["position"];
        var load = match.Groups["load"];
        if (faultClass == BearingFaultClass.Normal ? size.Success || position.Success : !size.Success)
        {
            throw new BearingDataException(
                $"{path}: '{stem}' is not a CWRU name: a normal recording has no fault diameter (Normal_0), a fault names its diameter in mils (IR007_0)");
        }

        if (position.Success && faultClass != BearingFaultClass.OuterRace)
        {
            throw new BearingDataException($"{path}: '{stem}': only outer-race faults (OR) have an @position");
        }

        return new CwruRecordingName(
            stem,
            faultClass,
            size.Success ? int.Parse(size.Value, CultureInfo.InvariantCulture) : null,
            position.Success ? int.Parse(position.Value, CultureInfo.InvariantCulture) : null,
            load.Success ? int.Parse(load.Value, CultureInfo.InvariantCulture) : null);
    }

    [GeneratedRegex(@"^(?<kind>Normal|IR|OR|B)(?<size>\d{3})?(@(?<position>\d{1,2}))?(_(?<load>[0-3]))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
