using System;
using System.Collections.Generic;

namespace Retrosense.Analytics.Anomaly;

/// <summary>The stored form of an <see cref="AnomalyBaseline"/>: the registry package's JSON (snake_case).</summary>
public sealed record AnomalyBaselinePackage(
    string Format,
    int FormatVersion,
    int Windows,
    DateTimeOffset FirstWindowUtc,
    DateTimeOffset LastWindowUtc,
    IReadOnlyList<AnomalyBaselineFeature> Features)
{
    public const string FormatName = "retrosense-anomaly-baseline";

    public const int CurrentFormatVersion = 1;
}
