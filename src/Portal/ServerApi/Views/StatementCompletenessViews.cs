using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

/// <summary>The ended months of an area's year and whether their statements are complete.</summary>
public sealed record StatementCompletenessView(bool Complete, IReadOnlyList<StatementMonthView> Months)
{
    /// <summary>The months that keep a reconciliation from running: no statement run, or approvals after it.</summary>
    public IReadOnlyList<StatementMonthView> Blocking =>
        Months.Where(m => m.State is StatementMonthState.MissingRun or StatementMonthState.Stale).ToList();
}

/// <summary>One month, with the onderaannemers (by name) whose subcontracts were in force.</summary>
public sealed record StatementMonthView(int Month, StatementMonthState State, IReadOnlyList<string> Onderaannemers);
