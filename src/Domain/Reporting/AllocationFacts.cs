namespace GonPortal.Domain.Reporting;

/// <summary>
/// What the allocation of one arrangement depends on, gathered by the caller: its dates and its
/// volume versions. Only started arrangements (ACTIVE or ENDED) are allocated, so the caller
/// passes only those (reporting.proto).
/// </summary>
/// <param name="StartDate">First day of care; the first version covers from here even if its own date is later.</param>
/// <param name="EndDate">Last day of care (inclusive); null means open-ended (not allowed with a total volume).</param>
/// <param name="Versions">At least one version; any order.</param>
public sealed record AllocationFacts(DateOnly StartDate, DateOnly? EndDate, IReadOnlyList<VolumeVersion> Versions);
