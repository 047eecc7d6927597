using System.Collections.Generic;

namespace Retrosense.Analytics.Training;

/// <summary>Row indices of one split: the rows a model is fitted on and the rows it is judged on.</summary>
internal sealed record DataSplit(IReadOnlyList<int> FitRows, IReadOnlyList<int> ValidationRows);
