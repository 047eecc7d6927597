using System.Collections.Generic;

namespace Retrosense.Platform.Retention;

/// <summary>Rows deleted by one retention run, per table.</summary>
public sealed record RetentionResult(IReadOnlyDictionary<string, long> DeletedRowsByTable)
{
    public long TotalDeletedRows
    {
        get
        {
            long total = 0;
            foreach (var deleted in DeletedRowsByTable.Values)
            {
                total += deleted;
            }

            return total;
        }
    }
}
