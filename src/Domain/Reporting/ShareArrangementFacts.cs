namespace GonPortal.Domain.Reporting;

/// <summary>
/// One started arrangement as the share counting sees it. Glossary: basisondersteuning = basic,
/// decision-free support; aanvullend(e ondersteuning) = additional support under a beschikking;
/// maatschappelijk initiatief = volunteer-run community initiative.
/// When the initiative flag changes between versions, the caller passes one fact per version with
/// that version's dates, so "the version in force" decides (reporting.proto AreaShares).
/// </summary>
/// <param name="IsBasis">True for basisondersteuning, false for aanvullende ondersteuning.</param>
/// <param name="ViaInitiative">Delivered through a maatschappelijk initiatief (basis only).</param>
/// <param name="End">Last day (inclusive); null means open-ended.</param>
public sealed record ShareArrangementFacts(Guid ClientId, int AreaId, bool IsBasis, bool ViaInitiative, DateOnly Start, DateOnly? End)
{
    /// <summary>Active on <paramref name="date"/>: start &lt;= date and (no end or date &lt;= end).</summary>
    public bool IsActiveOn(DateOnly date) => Start <= date && (End is null || date <= End);
}
