using GonPortal.Portal.Components.Settlement;
using GonPortal.Portal.Formatting;
using GonPortal.Portal.Resources;
using GonPortal.Portal.ServerApi;
using Microsoft.Extensions.Localization;

namespace GonPortal.Portal.Documents;

/// <summary>
/// A subcontractor statement (specificatie: what a hoofdaanbieder owes an onderaannemer for one month) as PDF: for whom,
/// which month, when computed, revision and rules version, each line with its rate and the total. Pure: the same
/// statement revision gives the same bytes.
/// </summary>
public static class StatementPdf
{
    public static byte[] Build(StatementView s, IReadOnlyDictionary<int, string> areaNames, IStringLocalizer<Texts> l)
    {
        string Area(int id) => areaNames.TryGetValue(id, out var name) ? name : $"{l["Gebied"]} {id}";
        var month = DutchFormat.Month(s.Year, s.Month);
        using var layout = new PdfLayout();
        layout.Title($"{l["Document.Specificatie.Titel"]} {month}");
        layout.Paragraph(string.Format(l["Document.Specificatie.Wat"], s.Hoofdaanbieder, s.Onderaannemer, month));
        layout.Facts(
        [
            (l["Document.Hoofdaanbieder"], s.Hoofdaanbieder),
            (l["Document.Onderaannemer"], s.Onderaannemer),
            (l["Document.Periode"], $"{month} ({DocumentDates.MonthSpan(s.Year, s.Month)})"),
            (l["Document.Berekend"], DocumentDates.Moment(s.ComputedAt)),
            (l["Document.Revisie"], s.Superseded ? string.Format(l["Document.RevisieVervangen"], s.Revision) : s.Revision.ToString(DutchFormat.Culture)),
            (l["Document.Regels"], string.Format(l["Document.RegelsWaarde"], s.RulesVersion)),
            (l["Totaal"], DutchFormat.Money(s.TotalCents)),
        ]);
        layout.Heading(l["Specificatie.Regels"]);
        if (s.Lines.Count == 0)
        {
            layout.Paragraph(l["Specificatie.GeenRegels"]);
        }
        else
        {
            layout.Table(
                [
                    new(l["Gebied"], 1.3), new(l["Product"], 1.8), new(l["Tarief"], 1.1, true), new(l["Hoeveelheid"], 1.3, true),
                    new(l["Specificatie.Boekingen"], 0.9, true), new(l["Bedrag"], 1.3, true),
                ],
                s.Lines.Select(line => (IReadOnlyList<string>)
                [
                    Area(line.AreaId), $"{l.Of(line.Product)} ({l.Of(line.Unit)})", DutchFormat.Money(line.RateCents),
                    SettlementFigures.Quantity(line.Quantity, line.Unit, l), DutchFormat.Number(line.EntryCount, 0), DutchFormat.Money(line.AmountCents),
                ]),
                [l["Totaal"], "", "", "", "", DutchFormat.Money(s.TotalCents)]);
        }

        layout.Paragraph(l["Document.Specificatie.Uitleg"], fine: true);
        var stamp = new DocumentStamp(
            $"{l["Document.Specificatie.Titel"]} {month}",
            $"{s.Hoofdaanbieder} – {s.Onderaannemer}, {string.Format(l["Document.RevisieKort"], s.Revision)}",
            s.ComputedAt ?? DateTimeOffset.UnixEpoch,
            $"statement|{s.Id}|{s.SubcontractId}|{s.Year}-{s.Month}|{s.Revision}|{s.RulesVersion}|{s.ComputedAt?.UtcTicks}");
        return layout.Finish(stamp, $"{l["Document.Specificatie.Titel"]} {month}, {s.Onderaannemer}, {string.Format(l["Document.RevisieKort"], s.Revision)}");
    }

    /// <summary>"specificatie-2026-12-buurtwerk-de-linde-revisie-2.pdf": Dutch, no ids.</summary>
    public static string FileName(StatementView s) =>
        $"specificatie-{s.Year}-{s.Month:D2}-{DocumentFileName.Slug(s.Onderaannemer)}-revisie-{s.Revision}.pdf";
}
