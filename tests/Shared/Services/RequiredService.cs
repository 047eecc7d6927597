using System;
using System.Diagnostics.CodeAnalysis;

namespace Retrosense.Testing.Services;

/// <summary>
/// What a test does when an external service it needs (a broker, a database) is not on this machine: skip with the
/// reason on a developer's machine, fail when <c>RETROSENSE_REQUIRE_SERVICES=1</c> so CI cannot pass by skipping.
/// </summary>
public static class RequiredService
{
    /// <summary>The environment variable that turns a missing service into a failure.</summary>
    public const string RequireServicesVariable = "RETROSENSE_REQUIRE_SERVICES";

    /// <summary>True when missing services must fail the test rather than skip it.</summary>
    public static bool AreRequired =>
        string.Equals(Environment.GetEnvironmentVariable(RequireServicesVariable), "1", StringComparison.Ordinal);

    /// <summary>Skips the running test with <paramref name="reason"/>, or fails it when services are required.</summary>
    [DoesNotReturn]
    public static void SkipOrFail(string reason)
    {
        if (AreRequired)
        {
            Assert.Fail($"{reason} ({RequireServicesVariable}=1, so a missing service fails the test)");
        }

        Assert.Skip(reason);
        throw new InvalidOperationException("Assert.Skip returned"); // Unreachable: Assert.Skip throws; keeps [DoesNotReturn] honest.
    }
}
