using System;
using System.Collections.Generic;

namespace Retrosense.Analytics.Bearings;

/// <summary>The classes in model order and their snake_case names, as JSON outputs and the stored predictions spell them.</summary>
public static class BearingFaultClasses
{
    /// <summary>Every class, in the order of <see cref="BearingFaultClass"/> values (the order of probability vectors).</summary>
    public static IReadOnlyList<BearingFaultClass> All { get; } =
        [BearingFaultClass.Normal, BearingFaultClass.InnerRace, BearingFaultClass.OuterRace, BearingFaultClass.Ball];

    /// <summary>Number of classes.</summary>
    public const int Count = 4;

    /// <summary>"normal", "inner_race", "outer_race" or "ball".</summary>
    public static string Name(BearingFaultClass faultClass) => faultClass switch
    {
        BearingFaultClass.Normal => "normal",
        BearingFaultClass.InnerRace => "inner_race",
        BearingFaultClass.OuterRace => "outer_race",
        BearingFaultClass.Ball => "ball",
        _ => throw new ArgumentOutOfRangeException(nameof(faultClass), faultClass, "not a bearing fault class"),
    };
}
