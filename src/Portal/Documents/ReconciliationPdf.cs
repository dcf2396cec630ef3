using GonPortal.Portal.Components.Settlement;
using GonPortal.Portal.Formatting;
using GonPortal.Portal.Resources;
using GonPortal.Portal.ServerApi;
using Microsoft.Extensions.Localization;

namespace GonPortal.Portal.Documents;

/// <summary>
/// A yearly reconciliation (verantwoording) as PDF for a controller: for whom, which area and year, when computed,
/// revision, rules and parameter version; every figure in the order of the settlement rules with its Dutch name (no
/// formula symbols), the lumpsum's index chain, the statements behind the subcontractor costs and, when given, the PGB
/// settlement with its inputs. Pure: the same revision gives the same bytes.
/// </summary>
public static class ReconciliationPdf
{
    public static byte[] Build(ReconciliationView r, string areaName, PgbSettlementView? pgb, IStringLocalizer<Texts> l)
    {
        using var layout = new PdfLayout();
        var title = $"{l["Document.Verantwoording.Titel"]} {areaName} {r.Year}";
        layout.Title(title);
        layout.Paragraph(string.Format(l["Document.Verantwoording.Wat"], areaName, r.Year, r.Hoofdaanbieder));
        layout.Facts(
        [
            (l["Document.Hoofdaanbieder"], r.Hoofdaanbieder),
            (l["Gebied"], areaName),
            (l["Document.Periode"], $"{r.Year} ({DocumentDates.YearSpan(r.Year)})"),
            (l["Document.Berekend"], DocumentDates.Moment(r.ComputedAt)),
            (l["Document.Revisie"], r.Superseded ? string.Format(l["Document.RevisieVervangen"], r.Revision) : r.Revision.ToString(DutchFormat.Culture)),
            (l["Document.Regels"], string.Format(l["Document.RegelsWaarde"], r.RulesVersion)),
            (l["Figuur.Parameters"], string.Format(l["Document.ParametersWaarde"], r.ParametersVersion)),
            (l["Figuur.W"], DutchFormat.Money(r.ResultCents)),
            (l["Figuur.T"], DutchFormat.Money(r.RepaymentCents)),
        ]);

        layout.Heading(l["Verantwoording.Tussenresultaten"]);
        layout.Table(
            [new(l["Document.Figuur"], 3), new(l["Document.Waarde"], 2, true)],
            SettlementFigures.Of(r, l).Select(f => (IReadOnlyList<string>)[f.Label, f.Value]));

        if (r.Lumpsum.Chain.Count > 0)
        {
            layout.Heading(string.Format(l["Document.Verantwoording.Index"], r.Lumpsum.BaseYear, DutchFormat.Money(r.Lumpsum.BaseLumpsumCents)));
            layout.Table(
                [new(l["Jaar"], 1), new(l["Document.Indexcijfer"], 1, true), new(l["Document.Soort"], 1), new(l["Figuur.L"], 1.5, true)],
                r.Lumpsum.Chain.Select(c => (IReadOnlyList<string>)
                [
                    c.Year.ToString(DutchFormat.Culture), DutchFormat.PercentExact(c.IndexBp), l.Of(c.IndexKind), DutchFormat.Money(c.LumpsumCents),
                ]));
        }

        if (r.StatementsUsed.Count > 0)
        {
            layout.Heading(l.Count("Verantwoording.Specificaties", r.StatementsUsed.Count));
            layout.Table(
                [new(l["Maand"], 1.2), new(l["Onderaannemer"], 2.4), new(l["Revisies.Nummer"], 0.8, true), new(l["Verantwoording.BedragGebied"], 1.6, true)],
                r.StatementsUsed.Select(s => (IReadOnlyList<string>)
                [
                    DutchFormat.Month(r.Year, s.Month),
                    string.IsNullOrEmpty(s.OnderaannemerName) ? l["Verantwoording.NaamOnbekend"] : s.OnderaannemerName,
                    s.Revision.ToString(DutchFormat.Culture),
                    DutchFormat.Money(s.AreaAmountCents),
                ]),
                [l["Figuur.S"], "", "", DutchFormat.Money(r.SubcontractorCostsCents)]);
        }

        if (pgb is not null)
        {
            layout.Heading(l["Verantwoording.Pgb"]);
            layout.Paragraph(string.Format(l["Verantwoording.PgbRevisie"], l.Of(pgb.Kind), pgb.Revision, DocumentDates.Moment(pgb.ComputedAt)));
            layout.Table(
                [new(l["Document.Figuur"], 3), new(l["Document.Waarde"], 2, true)],
                SettlementFigures.Of(pgb, l).Select(f => (IReadOnlyList<string>)[f.Label, f.Value]));
        }

        layout.Paragraph(l["Document.Verantwoording.Uitleg"], fine: true);
        var stamp = new DocumentStamp(
            title,
            $"{r.Hoofdaanbieder}, {string.Format(l["Document.RevisieKort"], r.Revision)}",
            r.ComputedAt ?? DateTimeOffset.UnixEpoch,
            $"reconciliation|{r.Id}|{r.AreaId}|{r.Year}|{r.Revision}|{r.RulesVersion}|{r.ParametersVersion}|{r.ComputedAt?.UtcTicks}|pgb {pgb?.Kind} {pgb?.Revision}");
        return layout.Finish(stamp, $"{title}, {r.Hoofdaanbieder}, {string.Format(l["Document.RevisieKort"], r.Revision)}");
    }

    /// <summary>"verantwoording-2027-oude-wijken-revisie-1.pdf".</summary>
    public static string FileName(ReconciliationView r, string areaName) =>
        $"verantwoording-{r.Year}-{DocumentFileName.Slug(areaName)}-revisie-{r.Revision}.pdf";
}
