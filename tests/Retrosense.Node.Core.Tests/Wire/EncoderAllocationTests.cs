using System;
using Retrosense.Node.Thresholds;
using Retrosense.Node.Wire;

namespace Retrosense.Node.Core.Tests.Wire;

public class EncoderAllocationTests
{
    [Fact]
    public void Telemetry_Encoding_Allocates_Nothing_In_Steady_State()
    {
        var encoder = new NodeMessageEncoder();
        var header = GoldenMessages.Header(42);
        var features = GoldenMessages.TelemetryFeatures();
        var bands = GoldenMessages.TelemetryBands();
        var environment = GoldenMessages.TelemetryEnvironment();
        var buffer = new byte[2048];

        // Warm up: JIT, static tables.
        var expected = encoder.EncodeTelemetry(header, 7, features, bands, IsoZone.B, environment, buffer);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var total = 0;
        for (var i = 0; i < 1000; i++)
        {
            header.Seq = i;
            features.X.RmsG = i * 0.001f;
            total += encoder.EncodeTelemetry(header, 7, features, bands, IsoZone.B, environment, buffer);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(total > 1000 * (expected - 20));
    }

    [Fact]
    public void Alarm_Status_And_Death_Encoding_Allocate_Nothing_In_Steady_State()
    {
        var encoder = new NodeMessageEncoder();
        var header = GoldenMessages.Header(1);
        var alarm = new AlarmMessage { Source = AlarmSource.Zone, Value = 3.1f, Threshold = 2.8f, Zone = IsoZone.C, PreviousZone = IsoZone.B };
        var status = new NodeStatusReport { ResetReason = "power_on", FreeHeapBytes = 41232 };
        var buffer = new byte[1024];
        encoder.EncodeAlarm(header, alarm, buffer);
        encoder.EncodeStatus(header, status, buffer);
        encoder.EncodeDeath(header, buffer);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            encoder.EncodeAlarm(header, alarm, buffer);
            encoder.EncodeStatus(header, status, buffer);
            encoder.EncodeDeath(header, buffer);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
