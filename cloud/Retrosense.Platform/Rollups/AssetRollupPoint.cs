using System;

namespace Retrosense.Platform.Rollups;

/// <summary>
/// One metric of one asset over one bucket: how many values fell in it and their minimum, maximum and mean.
/// Late and historical messages land in the bucket of their own message time.
/// </summary>
/// <param name="BucketStartUtc">Start of the bucket (inclusive); the bucket is one minute or one hour long.</param>
/// <param name="Metric">One of <see cref="RollupMetrics.All"/>.</param>
public sealed record AssetRollupPoint(DateTimeOffset BucketStartUtc, string Metric, long Count, double Minimum, double Maximum, double Mean);
