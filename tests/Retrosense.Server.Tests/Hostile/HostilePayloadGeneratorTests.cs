using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Retrosense.Contracts;
using Retrosense.Platform.Ingestion;

namespace Retrosense.Server.Tests.Hostile;

/// <summary>
/// The hostile generator makes what it promises: every payload on the node's own topic is one the decoder rejects, and
/// every foreign-topic payload is a valid message that only authorization can stop.
/// </summary>
public sealed class HostilePayloadGeneratorTests
{
    [Fact]
    public void Ten_Thousand_Payloads_Cover_Every_Kind_And_The_Decoder_Rejects_Every_One_On_The_Own_Topic()
    {
        var generator = new HostilePayloadGenerator("acme", "plant-1", "pump-3", "n-001", seed: 4);
        var decoder = new NodeMessageDecoder();
        var perKind = new Dictionary<HostilePayloadKind, int>();
        var reasons = new HashSet<string>(StringComparer.Ordinal);

        foreach (var payload in generator.Generate(10_000))
        {
            perKind[payload.Kind] = perKind.GetValueOrDefault(payload.Kind) + 1;
            var accepted = decoder.TryDecode(payload.Topic, payload.Payload, out _, out var reason);
            if (payload.Kind == HostilePayloadKind.ForeignTopic)
            {
                // A valid message: the decoder takes it when the topic parses; authorization is what must refuse it.
                var isRetrosenseTopic = TopicPath.TryParse(payload.Topic, out _, out _);
                Assert.True(accepted == isRetrosenseTopic, payload.Description + ": " + reason);
                continue;
            }

            Assert.False(accepted, payload.Kind + " " + payload.Description + " was accepted: " + Preview(payload.Payload));
            Assert.NotEqual(RejectCode.Internal, reason!.Code);
            reasons.Add(reason.Code);
        }

        Assert.Equal(Enum.GetValues<HostilePayloadKind>().Length, perKind.Count);
        Assert.All(perKind.Values, count => Assert.Equal(1_250, count));

        // The bad input reaches more than one check: size, encoding, JSON syntax, types and field matching at least.
        Assert.Superset(new HashSet<string> { RejectCode.PayloadTooLarge, RejectCode.InvalidUtf8, RejectCode.MalformedJson, RejectCode.WrongType }, reasons);
    }

    [Fact]
    public void The_Same_Seed_Gives_The_Same_Payloads()
    {
        var first = new HostilePayloadGenerator("acme", "plant-1", "pump-3", "n-001", seed: 9).Generate(64).Select(payload => payload.Description).ToArray();
        var second = new HostilePayloadGenerator("acme", "plant-1", "pump-3", "n-001", seed: 9).Generate(64).Select(payload => payload.Description).ToArray();

        Assert.Equal(first, second);
    }

    private static string Preview(byte[] payload) => Encoding.UTF8.GetString(payload.AsSpan(0, Math.Min(payload.Length, 300)));
}
