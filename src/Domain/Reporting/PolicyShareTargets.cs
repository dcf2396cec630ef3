namespace GonPortal.Domain.Reporting;

/// <summary>
/// The share targets of the policy (settlement-rules.md §4; domain brief §5), in basis points. The
/// ONE place they live until the gemeente's configurable year parameters exist (a later issue adds
/// them to a parameter store; GetAreaShares and the yearly reconciliation then read those instead).
/// </summary>
public static class PolicyShareTargets
{
    /// <summary>Initiative share: at least 15 % of basis clients served through a maatschappelijk initiatief, every year.</summary>
    public const int InitiativeShareTargetBp = 1_500;

    /// <summary>
    /// Basis share target for <paramref name="year"/>: end 2027 15 %, 2028 30 %, 2029 50 %, 2030 70 %.
    /// Years before 2027 (before GON) use the first target, years after 2030 the last.
    /// </summary>
    public static int BasisShareTargetBp(int year) => year switch
    {
        <= 2027 => 1_500,
        2028 => 3_000,
        2029 => 5_000,
        _ => 7_000,
    };
}
