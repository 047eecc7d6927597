using System.Text;

namespace Retrosense.Server.Api;

/// <summary>A part of the server that adds metric families to <c>/metrics</c> after the ingestion counters (live scoring is one).</summary>
public interface IPrometheusMetricsSource
{
    /// <summary>Appends complete families (HELP, TYPE and sample lines) with <see cref="PrometheusTextExposition"/>'s helpers.</summary>
    void WriteTo(StringBuilder text);
}
