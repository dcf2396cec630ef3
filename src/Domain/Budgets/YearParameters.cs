using GonPortal.Domain.Reporting;
using GonPortal.Domain.Validation;

namespace GonPortal.Domain.Budgets;

/// <summary>
/// One saved version of the *(config)* parameters of a year (settlement-rules.md §2, §4). Versions
/// are append-only: a settlement records the version it used, so it can always be recomputed.
/// Fractions are basis points (1 bp = 0.0001). Version 0 is the rule defaults, never stored.
/// </summary>
public sealed class YearParameters
{
    /// <summary>Rule default of cap(y): 0.03.</summary>
    public const int DefaultProfitCapBp = 300;

    /// <summary>Upper bound of rd(y) and re(y): EUR 5,000 per dagdeel or etmaal.</summary>
    public const long MaxUnitRateCents = 500_000;

    private YearParameters() { }

    public int Year { get; private set; }
    public int Version { get; private set; }
    public int ProfitCapBp { get; private set; }

    /// <summary>r(y) in cents per hour; 0 means not set (only possible in the defaults).</summary>
    public long ReferenceHourlyRateCents { get; private set; }

    /// <summary>rd(y) in cents per dagdeel (a half-day part of day care) for the budget position's own-cost estimate (§6); 0 means not estimated.</summary>
    public long ReferenceDagdeelRateCents { get; private set; }

    /// <summary>re(y) in cents per etmaal (a 24-hour stay) for the budget position's own-cost estimate (§6); 0 means not estimated.</summary>
    public long ReferenceEtmaalRateCents { get; private set; }

    public int PgbDeadBandBp { get; private set; }
    public int PgbCompensationShareBp { get; private set; }
    public int BasisShareTargetBp { get; private set; }
    public int InitiativeShareTargetBp { get; private set; }
    public int SanctionBp { get; private set; }
    public string ChangeNote { get; private set; } = "";
    public DateTimeOffset? CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    /// <summary>The defaults of the rules for a year where the gemeente saved nothing (version 0).</summary>
    public static YearParameters Defaults(int year) => new()
    {
        Year = year,
        Version = 0,
        ProfitCapBp = DefaultProfitCapBp,
        ReferenceHourlyRateCents = 0,
        PgbDeadBandBp = 0,
        PgbCompensationShareBp = BudgetLimits.OneBp,
        BasisShareTargetBp = year < 2027 ? 0 : PolicyShareTargets.BasisShareTargetBp(year),
        InitiativeShareTargetBp = PolicyShareTargets.InitiativeShareTargetBp,
        SanctionBp = 0,
    };

    /// <summary>A complete new version after <paramref name="previousVersion"/> (0 when none was saved).</summary>
    public static YearParameters Save(int year, int previousVersion, int profitCapBp, long referenceHourlyRateCents,
        int pgbDeadBandBp, int pgbCompensationShareBp, int basisShareTargetBp, int initiativeShareTargetBp, int sanctionBp,
        string? changeNote, string by, DateTimeOffset now, long referenceDagdeelRateCents = 0, long referenceEtmaalRateCents = 0)
    {
        var note = changeNote?.Trim() ?? "";
        var v = new Violations();
        v.Check(!BudgetLimits.IsYear(year), "year", $"must be a year {BudgetLimits.MinYear}-{BudgetLimits.MaxYear}");
        CheckBp(v, profitCapBp, "profit_cap_bp");
        v.Check(referenceHourlyRateCents < 1, "reference_hourly_rate_cents", "must be 1 or more (euro cents per hour)");
        v.Check(referenceHourlyRateCents > 100_000, "reference_hourly_rate_cents", "must be at most 100000 (EUR 1,000 per hour)");
        CheckUnitRate(v, referenceDagdeelRateCents, "reference_dagdeel_rate_cents", "dagdeel");
        CheckUnitRate(v, referenceEtmaalRateCents, "reference_etmaal_rate_cents", "etmaal");
        CheckBp(v, pgbDeadBandBp, "pgb_dead_band_bp");
        CheckBp(v, pgbCompensationShareBp, "pgb_compensation_share_bp");
        CheckBp(v, basisShareTargetBp, "basis_share_target_bp");
        CheckBp(v, initiativeShareTargetBp, "initiative_share_target_bp");
        CheckBp(v, sanctionBp, "sanction_bp");
        v.Check(note.Length is < 3 or > 1000, "change_note", "must be 3-1000 characters");
        v.ThrowIfAny();
        return new YearParameters
        {
            Year = year, Version = previousVersion + 1, ProfitCapBp = profitCapBp, ReferenceHourlyRateCents = referenceHourlyRateCents,
            ReferenceDagdeelRateCents = referenceDagdeelRateCents, ReferenceEtmaalRateCents = referenceEtmaalRateCents,
            PgbDeadBandBp = pgbDeadBandBp, PgbCompensationShareBp = pgbCompensationShareBp, BasisShareTargetBp = basisShareTargetBp,
            InitiativeShareTargetBp = initiativeShareTargetBp, SanctionBp = sanctionBp, ChangeNote = note, CreatedAt = now, CreatedBy = by,
        };
    }

    /// <summary>0 is allowed: that unit is then shown as not estimated.</summary>
    private static void CheckUnitRate(Violations v, long cents, string field, string unit) =>
        v.Check(cents is < 0 or > MaxUnitRateCents, field, $"must be 0 (not estimated) to {MaxUnitRateCents} (euro cents per {unit})");

    private static void CheckBp(Violations v, int bp, string field) =>
        v.Check(bp is < 0 or > BudgetLimits.OneBp, field, "must be 0-10000 basis points");
}
