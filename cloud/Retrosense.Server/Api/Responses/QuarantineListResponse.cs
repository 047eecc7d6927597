using System.Collections.Generic;

namespace Retrosense.Server.Api.Responses;

/// <summary>The newest quarantined messages of a tenant and how many it has in all.</summary>
/// <param name="TotalCount">Every quarantined message of the tenant, not only the listed ones.</param>
public sealed record QuarantineListResponse(long TotalCount, IReadOnlyList<QuarantinedMessageResponse> Messages);
