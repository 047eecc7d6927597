namespace Retrosense.Node.Reporting
{
    /// <summary>Why <see cref="ReportByExceptionGate"/> let a telemetry message through (for tests and the log).</summary>
    public enum ReportReason
    {
        /// <summary>Nothing moved and the heartbeat is not due: no report.</summary>
        None = 0,

        /// <summary>Nothing has been reported yet since the gate was created (boot or new config).</summary>
        First = 1,

        /// <summary>A channel moved further than its deadband since the last report (see <see cref="ReportByExceptionGate.DeadbandChannel"/>).</summary>
        Deadband = 2,

        /// <summary>The heartbeat interval passed since the last report.</summary>
        Heartbeat = 3,
    }
}
