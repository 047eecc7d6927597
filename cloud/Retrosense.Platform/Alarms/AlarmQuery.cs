using System;

namespace Retrosense.Platform.Alarms;

/// <summary>Which alarms of a tenant to list: newest raised first.</summary>
/// <param name="ActiveOnly">Only alarms not yet cleared.</param>
/// <param name="UnacknowledgedOnly">Only alarms nobody acknowledged.</param>
/// <param name="RaisedFromUtc">Raised at or after this instant, when given.</param>
/// <param name="RaisedToUtc">Raised before this instant, when given.</param>
public sealed record AlarmQuery(
    string TenantId,
    string? SiteId = null,
    string? AssetId = null,
    bool ActiveOnly = false,
    bool UnacknowledgedOnly = false,
    DateTimeOffset? RaisedFromUtc = null,
    DateTimeOffset? RaisedToUtc = null,
    int Limit = 500);
