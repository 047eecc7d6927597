using System;

namespace Retrosense.Server.Api.Responses;

/// <summary>One metric of an asset over one minute or hour bucket.</summary>
/// <param name="BucketStartUtc">Start of the bucket (UTC minute or hour boundary).</param>
/// <param name="Metric">One of the rollup metric names (<c>vel_rms_max_mm_s</c> …), unit in the name.</param>
/// <param name="Count">How many telemetry windows fell in the bucket.</param>
public sealed record RollupPointResponse(DateTime BucketStartUtc, string Metric, long Count, double Minimum, double Maximum, double Mean);
