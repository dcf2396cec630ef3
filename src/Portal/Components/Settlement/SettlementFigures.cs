using GonPortal.Contracts.V1;
using GonPortal.Portal.Formatting;
using GonPortal.Portal.Resources;
using GonPortal.Portal.ServerApi;
using Microsoft.Extensions.Localization;

namespace GonPortal.Portal.Components.Settlement;

/// <summary>
/// The figures of a reconciliation, a PGB settlement or a statement as rows, in the order of the settlement
/// rules. Formatting only: every value is the Server's.
/// </summary>
public static class SettlementFigures
{
    public static IReadOnlyList<FigureRow> Of(ReconciliationView r, IStringLocalizer<Texts> l)
    {
        FigureRow Row(string key, string symbol, string value, long? cents = null) => new(key, symbol, l[$"Figuur.{key}"], value, cents);
        string Money(long cents) => DutchFormat.Money(cents);
        return
        [
            Row("B", "B", Money(r.Lumpsum.BaseLumpsumCents), r.Lumpsum.BaseLumpsumCents),
            Row("L", "L", Money(r.Lumpsum.LumpsumCents), r.Lumpsum.LumpsumCents),
            Row("V", "V", Money(r.Lumpsum.AdjustmentsTotalCents), r.Lumpsum.AdjustmentsTotalCents),
            Row("Ltot", "Ltot", Money(r.TotalLumpsumCents), r.TotalLumpsumCents),
            Row("PGB", "PGB", $"{Money(r.PgbAmountCents)} ({string.Format(l["Revisie"], r.PgbSettlementRevision)})", r.PgbAmountCents),
            Row("R", "R", Money(r.RevenueCents), r.RevenueCents),
            Row("S", "S", $"{Money(r.SubcontractorCostsCents)} ({l.Count("Figuur.SAantal", r.StatementsUsed.Count)})", r.SubcontractorCostsCents),
            Row("O", "O", $"{Money(r.OwnDeliveryCostsCents)} ({(r.YearReportLocked ? l["Figuur.OVergrendeld"] : l["Figuur.ONietVergrendeld"])})", r.OwnDeliveryCostsCents),
            Row("K", "K", Money(r.CostsCents), r.CostsCents),
            Row("W", "W", Money(r.ResultCents), r.ResultCents),
            Row("cap", "cap", DutchFormat.PercentExact(r.ProfitCapBp)),
            Row("A", "A", Money(r.ProfitCapCents), r.ProfitCapCents),
            Row("Regelingen", "", DutchFormat.Number(r.HourArrangementCount, 0)),
            Row("Toegewezen", "", r.AllocatedHours.Text),
            Row("Geleverd", "", r.DeliveredHours.Text),
            Row("U", "U", r.UnmetHours.Text),
            Row("Uurtarief", "r", Money(r.ReferenceHourlyRateCents), r.ReferenceHourlyRateCents),
            Row("M", "M", Money(r.StaffShortageCents), r.StaffShortageCents),
            Row("Ms", "Ms", Money(r.StaffShortageReclaimCents), r.StaffShortageReclaimCents),
            Row("E", "E", Money(r.ExcessProfitCents), r.ExcessProfitCents),
            Row("Peildatum", "", DutchFormat.Date(r.TargetDate)),
            Row("Basis", "", Target(r.BasisShare, l)),
            Row("Initiatief", "", Target(r.InitiativeShare, l)),
            Row("sigma", "σ", DutchFormat.PercentExact(r.SanctionBp)),
            Row("SanctieBasis", "", Money(r.BasisShareSanctionCents), r.BasisShareSanctionCents),
            Row("SanctieInitiatief", "", Money(r.InitiativeShareSanctionCents), r.InitiativeShareSanctionCents),
            Row("Sancties", "", Money(r.SanctionsCents), r.SanctionsCents),
            Row("T", "T", Money(r.RepaymentCents), r.RepaymentCents),
            Row("Parameters", "", string.Format(l["Figuur.ParametersWaarde"], r.ParametersVersion, r.RulesVersion)),
        ];
    }

    public static IReadOnlyList<FigureRow> Of(PgbSettlementView p, IStringLocalizer<Texts> l)
    {
        FigureRow Row(string key, string symbol, string value, long? cents = null) => new(key, symbol, l[$"Figuur.Pgb.{key}"], value, cents);
        var rows = new List<FigureRow>
        {
            Row("P0", "P0", $"{DutchFormat.Number(p.BaselineClientCount, 0)} ({DutchFormat.Date(p.BaselineReferenceDate)})"),
        };
        rows.AddRange(p.MonthlyCounts.Select(m => new FigureRow($"p{m.Month}", "p", string.Format(l["Figuur.Pgb.Maand"], DutchFormat.MonthName(m.Month)), DutchFormat.Number(m.Count, 0))));
        rows.AddRange(
        [
            Row("Maanden", "", DutchFormat.Number(p.MonthsUsed, 0)),
            Row("Som", "", DutchFormat.Number(p.MonthlyCountSum, 0)),
            Row("P", "P", p.AverageClientCount.Text),
            Row("D", "D", p.Difference.Text),
            Row("delta", "δ", DutchFormat.PercentExact(p.DeadBandBp)),
            Row("Band", "δ × P0", p.DeadBandClients.Text),
            Row("D2", "D'", p.DifferenceAfterDeadBand.Text),
            Row("C", "C", DutchFormat.Money(p.AverageCostCents), p.AverageCostCents),
            Row("s", "s", DutchFormat.PercentExact(p.CompensationShareBp)),
            Row("PGB", "PGB", DutchFormat.Money(p.PgbAmountCents), p.PgbAmountCents),
            Row("Parameters", "", string.Format(l["Figuur.ParametersWaarde"], p.ParametersVersion, p.RulesVersion)),
        ]);
        return rows;
    }

    public static IReadOnlyList<FigureRow> Of(StatementView s, IStringLocalizer<Texts> l, IReadOnlyDictionary<int, string>? areaNames = null)
    {
        string Area(int id) => areaNames is not null && areaNames.TryGetValue(id, out var name) ? name : $"{l["Gebied"]} {id}";
        var rows = s.Lines.Select(line => new FigureRow(
            $"{line.AreaId}-{line.Product}-{line.Unit}-{line.RateCents}",
            string.Empty,
            $"{Area(line.AreaId)}, {l.Of(line.Product)} ({l.Of(line.Unit)}) à {DutchFormat.Money(line.RateCents)}",
            $"{Quantity(line.Quantity, line.Unit, l)} = {DutchFormat.Money(line.AmountCents)}")).ToList();
        rows.Add(new FigureRow("Totaal", string.Empty, l["Totaal"], DutchFormat.Money(s.TotalCents)));
        return rows;
    }

    /// <summary>Minutes as hours for the unit hour, otherwise the count.</summary>
    public static string Quantity(long quantity, Unit unit, IStringLocalizer<Texts> l) => unit == Unit.Hour
        ? $"{DutchFormat.Hours(quantity)} {l["uur"]}"
        : $"{DutchFormat.Number(quantity, 0)} × {l.Of(unit)}";

    private static string Target(TargetView t, IStringLocalizer<Texts> l) =>
        string.Format(l["Figuur.DoelWaarde"], DutchFormat.Percent(t.ShareBp), t.Numerator, t.Denominator, DutchFormat.Percent(t.TargetBp), l.Of(t.Status));
}
