using System;

namespace Retrosense.Storage.Rollups;

/// <summary>Count, sum, minimum and maximum of a bucket's values: they merge exactly, whatever order messages arrive in.</summary>
internal readonly record struct AssetRollupAggregate(long Count, double Sum, double Minimum, double Maximum)
{
    public static AssetRollupAggregate Of(double value) => new(1, value, value, value);

    public AssetRollupAggregate With(double value) => new(Count + 1, Sum + value, Math.Min(Minimum, value), Math.Max(Maximum, value));
}
