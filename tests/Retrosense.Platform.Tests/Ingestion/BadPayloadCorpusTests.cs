using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Retrosense.Contracts.Tests;
using Retrosense.Platform.Ingestion;

namespace Retrosense.Platform.Tests.Ingestion;

/// <summary>
/// Issue 4's "at least 10,000 generated bad payloads are all rejected; no exception escapes; memory stays bounded",
/// for the decoder alone.
/// </summary>
public class BadPayloadCorpusTests
{
    private const int Seed = 20261127;

    /// <summary>
    /// Bound on what one decode may allocate. Payloads over 16 KiB are refused before parsing, so the work per message
    /// is bounded by the size limit whatever arrives; a decode of a 16 KiB message allocates a few times its size.
    /// </summary>
    private const long MaxAllocatedBytesPerDecode = 256 * 1024;

    [Fact]
    public void Every_Generated_Bad_Payload_Is_Rejected_Without_An_Exception_Or_An_Internal_Reason()
    {
        var decoder = IngestionTestMessages.Decoder();
        var failures = new List<string>();
        var byCategory = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byCode = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var acceptedSchemaValid = 0;
        var count = 0;
        long allocatedBytes = 0;
        long maxAllocatedBytes = 0;
        var decodeTime = new Stopwatch();
        var totalAllocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        foreach (var bad in BadPayloadCorpus.Generate(Seed))
        {
            count++;
            byCategory[bad.Category] = byCategory.GetValueOrDefault(bad.Category) + 1;

            bool accepted;
            DecodedNodeMessage? message;
            RejectReason? reason;
            var before = GC.GetAllocatedBytesForCurrentThread();
            decodeTime.Start();
            try
            {
                accepted = decoder.TryDecode(bad.Topic, bad.Payload, out message, out reason);
            }
            catch (Exception exception)
            {
                decodeTime.Stop();
                failures.Add(bad.Description + ": threw " + exception.GetType().Name + ": " + exception.Message);
                continue;
            }

            decodeTime.Stop();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            allocatedBytes += allocated;
            maxAllocatedBytes = Math.Max(maxAllocatedBytes, allocated);

            if (accepted)
            {
                if (bad.MustReject)
                {
                    failures.Add(bad.Description + ": accepted");
                }
                else if (!IsSchemaValid(message!.Kind, bad.Payload, out var errors))
                {
                    failures.Add(bad.Description + ": accepted, but JsonSchema.Net rejects it: " + errors);
                }
                else
                {
                    acceptedSchemaValid++;
                }

                continue;
            }

            byCode[reason!.Code] = byCode.GetValueOrDefault(reason.Code) + 1;
            if (reason.Code == RejectCode.Internal)
            {
                failures.Add(bad.Description + ": internal reason " + reason.Message);
            }

            if (string.IsNullOrWhiteSpace(reason.Message))
            {
                failures.Add(bad.Description + ": reason " + reason.Code + " has no sentence");
            }
        }

        var totalAllocated = GC.GetTotalAllocatedBytes(precise: true) - totalAllocatedBefore;
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine("corpus: " + count + " payloads (seed " + Seed + "), " + acceptedSchemaValid + " accepted and schema-valid");
        output?.WriteLine("by category: " + string.Join(", ", byCategory.Select(p => p.Key + " " + p.Value)));
        output?.WriteLine("by reject code: " + string.Join(", ", byCode.Select(p => p.Key + " " + p.Value)));
        output?.WriteLine("decode time: " + decodeTime.Elapsed.TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) + " ms in total");
        output?.WriteLine("allocated by the decoder: " + allocatedBytes + " bytes in total, at most " + maxAllocatedBytes + " bytes for one payload");
        output?.WriteLine("GC.GetTotalAllocatedBytes growth over the whole run (generation included): " + totalAllocated + " bytes");

        Assert.True(count >= 10_000, "corpus has only " + count + " payloads");
        Assert.True(failures.Count == 0, failures.Count + " failures, first ones:\n" + string.Join("\n", failures.Take(20)));
        Assert.True(maxAllocatedBytes <= MaxAllocatedBytesPerDecode, "one decode allocated " + maxAllocatedBytes + " bytes");
        Assert.Equal(count - acceptedSchemaValid, byCode.Values.Sum());
    }

    private static bool IsSchemaValid(string kind, byte[] payload, out string errors)
    {
        try
        {
            var text = new UTF8Encoding(false, true).GetString(payload);
            (var isValid, errors) = WireSchemas.Validate(kind, text);
            return isValid;
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or DecoderFallbackException)
        {
            errors = exception.Message;
            return false;
        }
    }
}
