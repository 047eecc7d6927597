using System;

namespace Retrosense.Server.Tests.Alarms;

/// <summary>A clock the test moves by hand (only GetUtcNow is used by the code under test).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset UtcNow { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => UtcNow;
}
