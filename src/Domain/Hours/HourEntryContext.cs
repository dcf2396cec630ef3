using GonPortal.Domain.Common;

namespace GonPortal.Domain.Hours;

/// <summary>Who reports and what day it is; the same for every entry of a batch or stream.</summary>
/// <param name="ReporterId">Tenant id of the reporting organisation, from the access token.</param>
/// <param name="Today">Today in Europe/Amsterdam (see <see cref="AmsterdamCalendar"/>).</param>
public sealed record HourEntryContext(Guid ReporterId, DateOnly Today);
