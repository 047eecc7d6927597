using System;
using System.Diagnostics.CodeAnalysis;

namespace Retrosense.Testing;

/// <summary>
/// What a test does when a real service it needs (PostgreSQL, Mosquitto, Chromium) is not installed: skip with the
/// reason on a developer's machine, fail under CI, where <c>.ci/run</c> installs the packages and sets
/// <c>RETROSENSE_REQUIRE_SERVICES=1</c> so a missing service can never pass as a green run.
/// </summary>
public static class RequiredService
{
    /// <summary>The environment variable that turns a missing service into a failure.</summary>
    public const string RequireServicesVariable = "RETROSENSE_REQUIRE_SERVICES";

    /// <summary>True when <see cref="RequireServicesVariable"/> is "1" or "true".</summary>
    public static bool AreRequired
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(RequireServicesVariable);
            return value == "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Skips the current test with <paramref name="reason"/>, or fails it when services are required.</summary>
    [DoesNotReturn]
    public static void SkipOrFail(string reason)
    {
        if (AreRequired)
        {
            Assert.Fail(reason + $" ({RequireServicesVariable}=1 makes a missing service a failure)");
        }

        Assert.Skip(reason);
        throw new InvalidOperationException("unreachable: Assert.Skip throws");
    }
}
