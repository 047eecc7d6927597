namespace Retrosense.Benchmarks.Ingest;

/// <summary>One measured run: what the generator saw and what arrived at the far end (subscriber or store).</summary>
/// <param name="Totals">The load generator's totals (acknowledged, publish→PUBACK percentiles).</param>
/// <param name="Delivered">Messages the subscriber received, or the store holds, from this run.</param>
/// <param name="SecondHalfRate">Delivered per second over the second half of the active span.</param>
/// <param name="WholeRunRate">Delivered per second of the generator's elapsed time (connect storm included).</param>
/// <param name="LoadBefore">1/5/15-minute load averages before the run.</param>
/// <param name="LoadAfter">The same after it.</param>
/// <param name="ReceiverCpuSeconds">CPU time the receiving side used from the moment it listened to the end of the load (Mosquitto and mosquitto_sub, or the server): connects, logins and every message.</param>
/// <param name="SecondHalfCpuMicrosecondsPerMessage">Receiver CPU per message over the second half of the active span (steady state).</param>
internal sealed record IngestRunResult(SimulateTotals Totals, long Delivered, double SecondHalfRate, double WholeRunRate, string LoadBefore, string LoadAfter, double ReceiverCpuSeconds, double SecondHalfCpuMicrosecondsPerMessage)
{
    /// <summary>Receiver CPU per delivered message, in microseconds: what each message costs the broker or server, whatever else loads the machine.</summary>
    public double ReceiverCpuMicrosecondsPerMessage => Delivered > 0 ? ReceiverCpuSeconds * 1e6 / Delivered : double.NaN;
}
