using System;

namespace Retrosense.Server.Api.Responses;

/// <summary>Body of <c>/health</c>: <c>healthy</c> when the store answers and the broker listens, else <c>unhealthy</c> (HTTP 503).</summary>
public sealed record HealthResponse(string Status, DateTime CheckedAtUtc, StoreHealthResponse Store, BrokerHealthResponse Broker, IngestionHealthResponse Ingestion);
