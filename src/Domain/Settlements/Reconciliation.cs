using System.Text.Json.Serialization;
using GonPortal.Domain.Common;
using GonPortal.Domain.Reporting;

namespace GonPortal.Domain.Settlements;

/// <summary>
/// One support arrangement with the hour as unit, for the staff-shortage amount.
/// </summary>
/// <param name="AllocatedMinutes">Allocated volume in year y, exact, in minutes (the volume unit of an hour arrangement), as <see cref="AllocatedVolume.InPeriod"/> computes it.</param>
/// <param name="DeliveredMinutes">Approved minutes with a service date in y, own staff and subcontractors alike.</param>
public sealed record HourArrangementDelivery(Guid ArrangementId, Rational AllocatedMinutes, long DeliveredMinutes);

/// <summary>The staff-shortage figures of one hour arrangement, in hours, exact.</summary>
/// <param name="ShortfallHours">max(0, allocated - delivered).</param>
public sealed record ShortageLine(Guid ArrangementId, Rational AllocatedHours, Rational DeliveredHours, Rational ShortfallHours);

/// <summary>The subcontractor costs one statement contributes to S: its lines of the reconciled area.</summary>
public sealed record SubcontractorCost(Guid SubcontractId, int Month, long AmountCents)
{
    /// <summary>
    /// S per statement from whole statements: only statements of <paramref name="year"/> count, and of
    /// those only the lines of <paramref name="areaId"/>; a statement without such lines contributes
    /// nothing. A caller that sums the lines itself (in a database) passes its sums straight in.
    /// </summary>
    public static IReadOnlyList<SubcontractorCost> OfArea(IEnumerable<SubcontractorStatementResult> statements, int areaId, int year)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var ofYear = statements.Where(s => s.Year == year).ToList();
        var duplicate = ofYear.GroupBy(s => (s.SubcontractId, s.Month)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException(
                $"Subcontract {duplicate.Key.SubcontractId} has more than one statement for month {duplicate.Key.Month}.", nameof(statements));
        }
        return ofYear
            .Where(s => s.Lines.Any(l => l.AreaId == areaId))
            .Select(s => new SubcontractorCost(s.SubcontractId, s.Month, s.Lines.Where(l => l.AreaId == areaId).Sum(l => l.AmountCents)))
            .ToList();
    }
}

/// <summary>
/// What the reconciliation takes of a PGB settlement: which one it is and its amount. The server
/// reads it from the stored result's columns, so no full PGB explanation has to be read back.
/// </summary>
public sealed record PgbSettlementAmount(PgbSettlementKind Kind, int AreaId, int Year, long SettlementCents);

/// <summary>Which policy target a <see cref="TargetSanction"/> is about.</summary>
public enum SettlementTarget
{
    BasisShare = 1,
    InitiativeShare = 2,
}

/// <summary>
/// A target on 31 December with its sanction: round(sigma * Ltot) when missed, else 0.
/// </summary>
/// <param name="Unrounded">sigma * Ltot when missed; 0 otherwise.</param>
public sealed record TargetSanction(SettlementTarget Target, TargetAssessment Assessment, Rational Unrounded, long SanctionCents);

/// <summary>
/// Inputs of the yearly reconciliation of one hoofdaanbieder, area and year (settlement-rules.md §4).
/// </summary>
/// <param name="Lumpsum">The lumpsum result of the area and year (Ltot).</param>
/// <param name="Pgb">The final PGB run of the area and year; without it the reconciliation is refused.</param>
/// <param name="SubcontractorCosts">S per statement of this year: the sum of its lines of this area (<see cref="SubcontractorCost.OfArea"/>).</param>
/// <param name="OwnCostsCents">O: own delivery costs of the area from the year report.</param>
/// <param name="ProfitCap">cap(y), a fraction with up to 4 decimals (default 0.03).</param>
/// <param name="ReferenceRateCentsPerHour">r(y): reference hourly rate in cents.</param>
/// <param name="HourArrangements">The year's support arrangements whose unit is the hour.</param>
/// <param name="BasisShare">Basis share on 31 December against the year's target.</param>
/// <param name="InitiativeShare">Initiative share on 31 December against its target.</param>
/// <param name="SanctionFraction">sigma(y), a fraction with up to 4 decimals (default 0: no sanction).</param>
/// <param name="Holder">
/// For an area that changed hands in the year (settlement-rules.md §7): this hoofdaanbieder's share, so
/// R = Ltot_h + PGB_h and sanctions are sigma * Ltot_h; the caller passes only its arrangements, clipped
/// to its holding period, its statements and its year report. Null for the year's only holder.
/// </param>
public sealed record ReconciliationInput(
    Guid HoofdaanbiederId,
    int AreaId,
    int Year,
    LumpsumResult Lumpsum,
    PgbSettlementAmount? Pgb,
    IReadOnlyList<SubcontractorCost> SubcontractorCosts,
    long OwnCostsCents,
    long ReferenceRateCentsPerHour,
    IReadOnlyList<HourArrangementDelivery> HourArrangements,
    TargetAssessment BasisShare,
    TargetAssessment InitiativeShare,
    decimal ProfitCap = 0.03m,
    decimal SanctionFraction = 0m,
    HolderShare? Holder = null);

/// <summary>
/// The reconciliation with every input figure and intermediate, so it can be explained line by line.
/// </summary>
/// <param name="LumpsumTotalCents">Ltot(a, y), or Ltot_h of a holder of part of the year (<see cref="Holder"/>).</param>
/// <param name="PgbCents">PGB(a, y) of the final run, or PGB_h of a holder of part of the year.</param>
/// <param name="RevenueCents">R = Ltot + PGB.</param>
/// <param name="SubcontractorCosts">The statements that contribute to S, with their amounts for this area.</param>
/// <param name="SubcontractorCostsCents">S.</param>
/// <param name="OwnCostsCents">O.</param>
/// <param name="CostsCents">K = S + O.</param>
/// <param name="ResultCents">W = R - K.</param>
/// <param name="ProfitCapUnrounded">cap * R, exact.</param>
/// <param name="ProfitCapCents">A = max(0, round(cap * R)).</param>
/// <param name="UnmetHours">U = sum of the shortage lines, exact.</param>
/// <param name="ShortageUnrounded">U * r, exact.</param>
/// <param name="ShortageCents">M = round(U * r).</param>
/// <param name="ReclaimedShortageCents">Ms = min(W, M) when W &gt; 0, else 0.</param>
/// <param name="ExcessProfitCents">E = max(0, W - Ms - A) when W &gt; 0, else 0.</param>
/// <param name="Targets">Basis share, then initiative share, each with its sanction.</param>
/// <param name="SanctionsCents">Sum of the sanctions (also in a loss year).</param>
/// <param name="PayBackCents">T = Ms + E + sanctions: what the hoofdaanbieder pays back.</param>
public sealed record ReconciliationResult(
    string RulesVersion,
    Guid HoofdaanbiederId,
    int AreaId,
    int Year,
    LumpsumResult Lumpsum,
    PgbSettlementAmount Pgb,
    long LumpsumTotalCents,
    long PgbCents,
    long RevenueCents,
    IReadOnlyList<SubcontractorCost> SubcontractorCosts,
    long SubcontractorCostsCents,
    long OwnCostsCents,
    long CostsCents,
    long ResultCents,
    decimal ProfitCap,
    Rational ProfitCapUnrounded,
    long ProfitCapCents,
    long ReferenceRateCentsPerHour,
    IReadOnlyList<ShortageLine> ShortageLines,
    Rational UnmetHours,
    Rational ShortageUnrounded,
    long ShortageCents,
    long ReclaimedShortageCents,
    long ExcessProfitCents,
    decimal SanctionFraction,
    IReadOnlyList<TargetSanction> Targets,
    long SanctionsCents,
    long PayBackCents)
{
    /// <summary>The holder's share when the area changed hands in the year (§7); null (and left out of stored documents) otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public HolderShare? Holder { get; init; }
}

/// <summary>Yearly reconciliation per hoofdaanbieder, area and year (settlement-rules.md §4).</summary>
public static class Reconciliation
{
    /// <summary>
    /// Computes the reconciliation. Throws <see cref="InvalidStateException"/> when the final PGB
    /// run is missing (or the run passed in is provisional).
    /// </summary>
    public static ReconciliationResult Compute(ReconciliationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Pgb is not { } pgb || pgb.Kind != PgbSettlementKind.Final)
        {
            throw new InvalidStateException(
                $"The reconciliation of area {input.AreaId}, year {input.Year} needs the final PGB settlement of that area and year.",
                ErrorReasons.SettlementInputMissing,
                new Dictionary<string, string> { ["input"] = "PGB_FINAL", ["area_id"] = $"{input.AreaId}", ["year"] = $"{input.Year}" });
        }
        if (pgb.AreaId != input.AreaId || pgb.Year != input.Year)
        {
            throw new ArgumentException($"The PGB settlement is of area {pgb.AreaId}, year {pgb.Year}.", nameof(input));
        }
        if (input.Lumpsum.AreaId != input.AreaId || input.Lumpsum.Year != input.Year)
        {
            throw new ArgumentException($"The lumpsum is of area {input.Lumpsum.AreaId}, year {input.Lumpsum.Year}.", nameof(input));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(input.ReferenceRateCentsPerHour);
        ArgumentOutOfRangeException.ThrowIfNegative(input.OwnCostsCents);
        var twiceCounted = input.HourArrangements.GroupBy(a => a.ArrangementId).FirstOrDefault(g => g.Count() > 1);
        if (twiceCounted is not null)
        {
            throw new ArgumentException($"Arrangement {twiceCounted.Key} is listed more than once.", nameof(input));
        }
        if (input.ProfitCap < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.ProfitCap, "The profit cap cannot be negative.");
        }
        if (input.SanctionFraction < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.SanctionFraction, "The sanction fraction cannot be negative.");
        }
        var cap = SettlementRules.Fraction(input.ProfitCap, nameof(input.ProfitCap));
        var sigma = SettlementRules.Fraction(input.SanctionFraction, nameof(input.SanctionFraction));

        var duplicate = input.SubcontractorCosts.GroupBy(c => (c.SubcontractId, c.Month)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException(
                $"Subcontract {duplicate.Key.SubcontractId} has more than one statement for month {duplicate.Key.Month}.", nameof(input));
        }

        if (input.Holder is { } holder && holder.HoofdaanbiederId != input.HoofdaanbiederId)
        {
            throw new ArgumentException($"The share is of hoofdaanbieder {holder.HoofdaanbiederId}.", nameof(input));
        }

        // Revenue and costs: a holder of part of the year has its shares of Ltot and PGB (§7).
        var lumpsumTotal = input.Holder?.LumpsumShareCents ?? input.Lumpsum.TotalCents;
        var pgbCents = input.Holder?.PgbShareCents ?? pgb.SettlementCents;
        var revenue = checked(lumpsumTotal + pgbCents);
        var subcontractorCosts = input.SubcontractorCosts.OrderBy(c => c.Month).ThenBy(c => c.SubcontractId).ToList();
        var subcontractorTotal = subcontractorCosts.Sum(c => c.AmountCents);
        var costs = checked(subcontractorTotal + input.OwnCostsCents);
        var result = checked(revenue - costs);

        // Profit cap.
        var capUnrounded = cap * revenue;
        var capCents = Math.Max(0, SettlementRules.RoundCents(capUnrounded));

        // Staff shortage: per arrangement, so over-delivery on one cannot offset unmet care on another.
        var shortageLines = input.HourArrangements
            .Select(a => new ShortageLine(
                a.ArrangementId,
                a.AllocatedMinutes / 60,
                new Rational(a.DeliveredMinutes, 60),
                VolumeFigures.ShortfallOf(a.AllocatedMinutes, a.DeliveredMinutes) / 60))
            .ToList();
        var unmetHours = StaffShortage.UnmetHours(input.HourArrangements.Select(a => (a.AllocatedMinutes, a.DeliveredMinutes)));
        var shortageUnrounded = unmetHours * input.ReferenceRateCentsPerHour;
        var shortage = SettlementRules.RoundCents(shortageUnrounded);

        // Reclaim, only on a profit.
        long reclaimedShortage = 0, excess = 0;
        if (result > 0)
        {
            reclaimedShortage = Math.Min(result, shortage);
            excess = Math.Max(0, result - reclaimedShortage - capCents);
        }

        // Targets and sanctions (also in a loss year).
        TargetSanction Sanction(SettlementTarget target, TargetAssessment assessment)
        {
            var unrounded = assessment.Status == TargetStatus.Missed ? sigma * lumpsumTotal : Rational.Zero;
            return new TargetSanction(target, assessment, unrounded, SettlementRules.RoundCents(unrounded));
        }
        var targets = new List<TargetSanction>
        {
            Sanction(SettlementTarget.BasisShare, input.BasisShare),
            Sanction(SettlementTarget.InitiativeShare, input.InitiativeShare),
        };
        var sanctions = targets.Sum(t => t.SanctionCents);
        var payBack = checked(reclaimedShortage + excess + sanctions);

        return new ReconciliationResult(
            SettlementRules.RulesVersion, input.HoofdaanbiederId, input.AreaId, input.Year, input.Lumpsum, pgb,
            lumpsumTotal, pgbCents, revenue, subcontractorCosts, subcontractorTotal, input.OwnCostsCents, costs, result,
            input.ProfitCap, capUnrounded, capCents, input.ReferenceRateCentsPerHour, shortageLines, unmetHours,
            shortageUnrounded, shortage, reclaimedShortage, excess, input.SanctionFraction, targets, sanctions, payBack)
        {
            Holder = input.Holder,
        };
    }
}
