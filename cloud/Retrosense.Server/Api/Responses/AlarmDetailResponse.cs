using System.Collections.Generic;

namespace Retrosense.Server.Api.Responses;

/// <summary>An alarm with its whole history, oldest event first.</summary>
public sealed record AlarmDetailResponse(AlarmResponse Alarm, IReadOnlyList<AlarmEventResponse> Events);
