using System.Globalization;
using System.Text;
using System.Threading;
using Retrosense.Server.Api;

namespace Retrosense.Server.Scoring;

/// <summary>Live scoring counters since the process started, written into <c>/metrics</c>.</summary>
public sealed class ScoringStatistics : IPrometheusMetricsSource
{
    private long _windowsQueued;
    private long _windowsDropped;
    private long _windowsScored;
    private long _predictionsStored;
    private long _baselinesFitted;
    private long _alarmChanges;
    private long _failures;
    private long _pendingWindows;

    public long WindowsQueued => Interlocked.Read(ref _windowsQueued);

    public long WindowsDropped => Interlocked.Read(ref _windowsDropped);

    public long WindowsScored => Interlocked.Read(ref _windowsScored);

    public long PredictionsStored => Interlocked.Read(ref _predictionsStored);

    public long BaselinesFitted => Interlocked.Read(ref _baselinesFitted);

    public long PendingWindows => Interlocked.Read(ref _pendingWindows);

    public void Queued() => Interlocked.Increment(ref _windowsQueued);

    public void Dropped() => Interlocked.Increment(ref _windowsDropped);

    public void Scored(int windows) => Interlocked.Add(ref _windowsScored, windows);

    public void Stored(int predictions) => Interlocked.Add(ref _predictionsStored, predictions);

    public void BaselineFitted() => Interlocked.Increment(ref _baselinesFitted);

    public void AlarmChanged() => Interlocked.Increment(ref _alarmChanges);

    public void Failed() => Interlocked.Increment(ref _failures);

    public void SetPending(long windows) => Interlocked.Exchange(ref _pendingWindows, windows);

    public void WriteTo(StringBuilder text)
    {
        PrometheusTextExposition.Counter(text, "retrosense_scoring_windows_queued_total", "Telemetry windows handed to live scoring after commit.", WindowsQueued);
        PrometheusTextExposition.Counter(text, "retrosense_scoring_windows_dropped_total", "Telemetry windows dropped unscored because scoring was behind (oldest of an asset first).", WindowsDropped);
        PrometheusTextExposition.Counter(text, "retrosense_scoring_windows_scored_total", "Telemetry windows scored.", WindowsScored);
        PrometheusTextExposition.Counter(text, "retrosense_scoring_predictions_stored_total", "Predictions stored.", PredictionsStored);
        PrometheusTextExposition.Counter(text, "retrosense_scoring_baselines_fitted_total", "Anomaly baselines fitted and registered.", BaselinesFitted);
        PrometheusTextExposition.Counter(text, "retrosense_scoring_alarm_changes_total", "Anomaly alarms raised, escalated or cleared by scoring.", Interlocked.Read(ref _alarmChanges));
        PrometheusTextExposition.Counter(text, "retrosense_scoring_failures_total", "Scoring passes that failed (logged; their windows are lost).", Interlocked.Read(ref _failures));
        PrometheusTextExposition.Gauge(text, "retrosense_scoring_pending_windows", "Windows waiting to be scored.", PendingWindows.ToString(CultureInfo.InvariantCulture));
    }
}
