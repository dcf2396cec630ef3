namespace GonPortal.Domain.Reporting;

/// <summary>
/// The two policy targets per area (settlement-rules.md §4; domain brief §5): the share of clients
/// on basisondersteuning must grow (15 % end 2027 up to 70 % end 2030), and at least 15 % of
/// basis clients must be served through a maatschappelijk initiatief.
/// </summary>
public static class AreaShares
{
    /// <summary>
    /// Counts unique clients with an arrangement of <paramref name="areaId"/> active on
    /// <paramref name="date"/>. Basis client: at least one active basis arrangement and no active
    /// aanvullend one. Initiative client: a basis client with an active basis arrangement via an
    /// initiative. Only arrangements of this area count, also for the "no aanvullend" test.
    /// </summary>
    public static AreaShareResult Compute(
        IEnumerable<ShareArrangementFacts> arrangements, int areaId, DateOnly date, int basisTargetBp, int initiativeTargetBp)
    {
        var perClient = arrangements
            .Where(a => a.AreaId == areaId && a.IsActiveOn(date))
            .GroupBy(a => a.ClientId)
            .ToList();

        var clients = perClient.Count;
        var basisClients = perClient.Where(c => c.Any(a => a.IsBasis) && !c.Any(a => !a.IsBasis)).ToList();
        var initiativeClients = basisClients.Count(c => c.Any(a => a.IsBasis && a.ViaInitiative));

        return new AreaShareResult(
            areaId,
            date,
            TargetAssessment.Assess(basisClients.Count, clients, basisTargetBp),
            TargetAssessment.Assess(initiativeClients, basisClients.Count, initiativeTargetBp));
    }
}
