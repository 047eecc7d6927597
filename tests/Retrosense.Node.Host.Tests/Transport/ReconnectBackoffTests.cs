using System;
using Retrosense.Node.Host.Transport;

namespace Retrosense.Node.Host.Tests.Transport;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Ceiling_Doubles_From_One_Second_To_A_Two_Minute_Cap()
    {
        var backoff = new ReconnectBackoff(new Random(42));
        var ceilings = new double[10];
        for (var i = 0; i < ceilings.Length; i++)
        {
            ceilings[i] = backoff.CurrentCeiling.TotalSeconds;
            backoff.NextDelay();
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 120, 120, 120], ceilings);
    }

    [Fact]
    public void Every_Delay_Lies_Between_Half_The_Ceiling_And_The_Ceiling()
    {
        var backoff = new ReconnectBackoff(new Random(7));
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var ceiling = backoff.CurrentCeiling;
            var delay = backoff.NextDelay();
            Assert.InRange(delay, ceiling / 2, ceiling);
        }
    }

    [Fact]
    public void Jitter_Spreads_A_Fleet_That_Lost_The_Broker_Together()
    {
        // Ten nodes with different seeds wait different times after the same failure count.
        var delays = new double[10];
        for (var node = 0; node < delays.Length; node++)
        {
            var backoff = new ReconnectBackoff(new Random(node));
            for (var attempt = 0; attempt < 5; attempt++)
            {
                backoff.NextDelay();
            }

            delays[node] = backoff.NextDelay().TotalSeconds;
        }

        Assert.Equal(delays.Length, new System.Collections.Generic.HashSet<double>(delays).Count);
        Assert.All(delays, d => Assert.InRange(d, 16, 32));
    }

    [Fact]
    public void Same_Seed_Gives_The_Same_Delays()
    {
        var first = new ReconnectBackoff(new Random(3));
        var second = new ReconnectBackoff(new Random(3));
        for (var attempt = 0; attempt < 12; attempt++)
        {
            Assert.Equal(first.NextDelay(), second.NextDelay());
        }
    }

    [Fact]
    public void Reset_After_A_Connection_Starts_The_Next_Outage_From_One_Second()
    {
        var backoff = new ReconnectBackoff(new Random(1));
        for (var attempt = 0; attempt < 6; attempt++)
        {
            backoff.NextDelay();
        }

        backoff.Reset();

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.CurrentCeiling);
        Assert.Equal(0, backoff.FailedAttempts);
        Assert.InRange(backoff.NextDelay(), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
    }
}
