using System;
using Microsoft.Extensions.Logging;

namespace Retrosense.Server.Retention;

/// <summary>Structured log lines of the retention job.</summary>
internal static partial class RetentionLog
{
    [LoggerMessage(EventId = 4500, Level = LogLevel.Information, Message = "Retention deleted {TotalDeletedRows} row(s): {DeletedRowsByTable}")]
    public static partial void Applied(ILogger logger, long totalDeletedRows, string deletedRowsByTable);

    [LoggerMessage(EventId = 4501, Level = LogLevel.Error, Message = "Retention failed; it runs again in {IntervalMinutes} min")]
    public static partial void Failed(ILogger logger, Exception exception, double intervalMinutes);

    [LoggerMessage(EventId = 4502, Level = LogLevel.Error, Message = "Retention policy is invalid and will not run: {Problem}")]
    public static partial void InvalidPolicy(ILogger logger, string problem);
}
