using System;
using Retrosense.Platform.Ingestion;

namespace Retrosense.Platform.Tests.Ingestion;

public class DecodingAllocationTests
{
    /// <summary>
    /// Bound per decoded golden telemetry message (1,168 bytes of JSON): the typed records, the band dictionaries, the
    /// strings and the topic. Generous on purpose; the figure measured is written to the test output.
    /// </summary>
    private const long MaxAllocatedBytesPerTelemetry = 16 * 1024;

    [Fact]
    public void Decoding_The_Golden_Telemetry_Allocates_A_Bounded_Amount()
    {
        const int Repetitions = 2000;
        var decoder = IngestionTestMessages.Decoder();
        var topic = IngestionTestMessages.TopicFor("telemetry.json");
        var payload = IngestionTestMessages.Payload("telemetry.json");
        for (var i = 0; i < 100; i++)
        {
            Assert.True(decoder.TryDecode(topic, payload, out _, out _));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var decoded = 0;
        for (var i = 0; i < Repetitions; i++)
        {
            if (decoder.TryDecode(topic, payload, out _, out _))
            {
                decoded++;
            }
        }

        var perMessage = (GC.GetAllocatedBytesForCurrentThread() - before) / Repetitions;
        TestContext.Current.TestOutputHelper?.WriteLine("golden telemetry (" + payload.Length + " bytes): " + perMessage + " bytes allocated per decode");

        Assert.Equal(Repetitions, decoded);
        Assert.InRange(perMessage, 1, MaxAllocatedBytesPerTelemetry);
    }

    [Fact]
    public void Rejecting_An_Oversize_Payload_Does_Not_Read_It()
    {
        var decoder = IngestionTestMessages.Decoder();
        var topic = IngestionTestMessages.TopicFor("telemetry.json");
        var huge = new byte[4 * 1024 * 1024];
        Assert.False(decoder.TryDecode(topic, huge, out _, out _));

        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.False(decoder.TryDecode(topic, huge, out _, out var reason));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(RejectCode.PayloadTooLarge, reason!.Code);
        Assert.InRange(allocated, 0, 4 * 1024);
    }
}
