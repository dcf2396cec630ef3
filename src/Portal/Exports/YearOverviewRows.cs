using GonPortal.Contracts.V1;
using GonPortal.Portal.Formatting;
using GonPortal.Portal.Resources;
using GonPortal.Portal.ServerApi;
using Microsoft.Extensions.Localization;

namespace GonPortal.Portal.Exports;

/// <summary>
/// One line of the year overview: a Dutch label and either an amount in cents, a count or a text. The page shows
/// the amount as "€ 1.234,56", the workbook stores it as a number with a euro format, so both say the same.
/// </summary>
public sealed record OverviewRow(string Label, long? Cents = null, long? Count = null, string? Text = null)
{
    public string Display => Cents is { } c ? DutchFormat.Money(c) : Count is { } n ? DutchFormat.Number(n, 0) : Text ?? "";
}

/// <summary>
/// The lines of the year overview (the gemeente controller's page and workbook), built once from what the Server
/// sent: formatting only, every figure is the Server's. No symbols of the settlement rules and no ids reach them.
/// </summary>
public static class YearOverviewRows
{
    /// <summary>The area's own lines: lumpsum, advances, PGB settlement, statements.</summary>
    public static IReadOnlyList<OverviewRow> Area(AreaYearView a, IStringLocalizer<Texts> l)
    {
        var rows = new List<OverviewRow>();
        if (a.Lumpsum is { } s)
        {
            rows.Add(new(l["Jaaroverzicht.TotaleLumpsum"], s.TotalLumpsumCents));
            rows.Add(new(l["Figuur.B"], s.BaseLumpsumCents));
            rows.Add(new(l["Figuur.L"], s.LumpsumCents));
            rows.Add(new(l["Figuur.V"], s.AdjustmentsTotalCents));
        }
        else
        {
            rows.Add(new(l["Jaaroverzicht.TotaleLumpsum"], Text: LumpsumMissing(a, l)));
        }
        rows.Add(new(l.Count("Jaaroverzicht.VoorschottenBetaald", a.EndedMonths), a.AdvancesPaidCents));
        rows.Add(new(l["Jaaroverzicht.VoorschottenGepland"], a.AdvancesPlannedCents));
        rows.Add(a.Pgb is { } p
            ? new(string.Format(l["Jaaroverzicht.PgbMet"], l.Of(p.Kind), p.Revision), p.AmountCents)
            : new(l["Jaaroverzicht.Pgb"], Text: l["Jaaroverzicht.PgbNogNiet"]));
        rows.Add(new(l.Count("Jaaroverzicht.Specificaties", a.StatementCount), a.StatementsTotalCents));
        return rows;
    }

    /// <summary>One holder's lines: its share (when the area changes hands) and its costs.</summary>
    public static IReadOnlyList<OverviewRow> Holder(AreaYearView a, HolderYearView h, IStringLocalizer<Texts> l)
    {
        var rows = new List<OverviewRow>();
        if (a.ChangesHands)
        {
            rows.Add(new(l["Jaaroverzicht.Periode"], Text: string.Format(l["Jaaroverzicht.PeriodeWaarde"], DutchFormat.Date(h.HeldFrom), DutchFormat.Date(h.HeldTo))));
            rows.Add(new(l["Jaaroverzicht.Dagen"], Count: h.DaysHeld));
            rows.Add(h.LumpsumShareCents is { } share
                ? new(l["Jaaroverzicht.AandeelLumpsum"], share)
                : new(l["Jaaroverzicht.AandeelLumpsum"], Text: l["Jaaroverzicht.NogNietBerekend"]));
            rows.Add(new(l["Jaaroverzicht.AandeelPgb"], h.PgbShareCents));
            rows.Add(new(l.Count("Jaaroverzicht.VoorschottenBetaald", a.EndedMonths), h.AdvancesPaidCents));
            rows.Add(new(l["Jaaroverzicht.VoorschottenGepland"], h.AdvancesPlannedCents));
        }
        rows.Add(new(l["Jaaroverzicht.KostenOnderaannemers"], h.StatementsCents));
        rows.Add(h.OwnCostsCents is { } own
            ? new(h.ReportLocked ? l["Jaaroverzicht.EigenKostenVergrendeld"] : l["Jaaroverzicht.EigenKosten"], own)
            : new(l["Jaaroverzicht.EigenKosten"], Text: l["Jaaroverzicht.GeenJaarverslag"]));
        return rows;
    }

    /// <summary>Every figure of a holder's reconciliation, in the order of the settlement rules; amounts as amounts.</summary>
    public static IReadOnlyList<OverviewRow> Reconciliation(ReconciliationView r, IStringLocalizer<Texts> l)
    {
        OverviewRow Money(string key, long cents) => new(l[$"Figuur.{key}"], cents);
        OverviewRow Text(string key, string text) => new(l[$"Figuur.{key}"], Text: text);
        return
        [
            new(l["Jaaroverzicht.Revisie"], Text: string.Format(l["Jaaroverzicht.RevisieWaarde"], r.Revision, DutchFormat.DateTime(r.ComputedAt))),
            Money("Ltot", r.TotalLumpsumCents),
            Money("PGB", r.PgbAmountCents),
            Money("R", r.RevenueCents),
            Money("S", r.SubcontractorCostsCents),
            Money("O", r.OwnDeliveryCostsCents),
            Money("K", r.CostsCents),
            Money("W", r.ResultCents),
            Text("cap", DutchFormat.PercentExact(r.ProfitCapBp)),
            Money("A", r.ProfitCapCents),
            new(l["Figuur.Regelingen"], Count: r.HourArrangementCount),
            Text("Toegewezen", r.AllocatedHours.Text),
            Text("Geleverd", r.DeliveredHours.Text),
            Text("U", r.UnmetHours.Text),
            Money("Uurtarief", r.ReferenceHourlyRateCents),
            Money("M", r.StaffShortageCents),
            Money("Ms", r.StaffShortageReclaimCents),
            Money("E", r.ExcessProfitCents),
            Text("Peildatum", DutchFormat.Date(r.TargetDate)),
            Text("Basis", Target(r.BasisShare, l)),
            Text("Initiatief", Target(r.InitiativeShare, l)),
            Text("sigma", DutchFormat.PercentExact(r.SanctionBp)),
            Money("SanctieBasis", r.BasisShareSanctionCents),
            Money("SanctieInitiatief", r.InitiativeShareSanctionCents),
            Money("Sancties", r.SanctionsCents),
            Money("T", r.RepaymentCents),
            Text("Parameters", string.Format(l["Figuur.ParametersWaarde"], r.ParametersVersion, r.RulesVersion)),
        ];
    }

    /// <summary>"Nog niet berekend: ..." saying what the lumpsum waits for.</summary>
    public static string LumpsumMissing(AreaYearView a, IStringLocalizer<Texts> l) => a.LumpsumState switch
    {
        YearOverviewLumpsumState.NoAreaContract => l["Jaaroverzicht.GeenContract"],
        _ => l["Jaaroverzicht.InvoerOntbreekt"],
    };

    private static string Target(TargetView t, IStringLocalizer<Texts> l) =>
        t.Status == TargetStatus.NotAssessed || t.Status == TargetStatus.Unspecified
            ? l.Of(t.Status)
            : $"{DutchFormat.Percent(t.ShareBp)} ({l.Of(t.Status)}, {l["Jaaroverzicht.Doel"]} {DutchFormat.Percent(t.TargetBp)})";
}
