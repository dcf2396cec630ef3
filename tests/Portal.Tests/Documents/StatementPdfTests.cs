using System.Text;
using GonPortal.Contracts.V1;
using GonPortal.Portal.Components.Settlement;
using GonPortal.Portal.Documents;
using GonPortal.Portal.Formatting;
using GonPortal.Portal.ServerApi;
using UglyToad.PdfPig;
using static GonPortal.Portal.Tests.Documents.DocumentTexts;

namespace GonPortal.Portal.Tests.Documents;

/// <summary>
/// A subcontractor statement as PDF, read back with PdfPig: every figure as the API gives it, for whom, which month,
/// when computed, from which revision and rules version; and the same revision gives the same bytes.
/// </summary>
public sealed class StatementPdfTests
{
    private static readonly IReadOnlyDictionary<int, string> Areas = new Dictionary<int, string> { [1] = "Centrum, Oude Wijken", [2] = "West" };

    internal static StatementView Statement(int revision = 2, IReadOnlyList<StatementLineView>? lines = null) => new(
        "6f1c1a52-8d07-4b53-9a51-3d1f0c2e7a11",
        "0b7e4c11-5a2f-4f0e-8f5e-2d9b3c4a5e66",
        "Stadse Zorgcombinatie",
        "Buurtwerk De Linde",
        2026,
        12,
        lines ??
        [
            new(1, Product.Begeleiding, Unit.Hour, 6450, 5430, 583725, 37),
            new(1, Product.Begeleiding, Unit.Hour, 6612, 600, 66120, 4),
            new(2, Product.Dagbesteding, Unit.Dagdeel, 4500, 12, 54000, 12),
            new(2, Product.KortdurendVerblijf, Unit.Etmaal, 123456, 3, 370368, 3),
        ],
        1074213,
        revision,
        Superseded: false,
        "1.1",
        new DateTimeOffset(2026, 12, 5, 13, 5, 0, TimeSpan.Zero).AddDays(revision - 2));

    [Fact]
    public void Every_line_with_its_rate_quantity_and_amount_and_the_total_are_in_the_pdf()
    {
        var statement = Statement();
        var text = Read(StatementPdf.Build(statement, Areas, Localizer));

        foreach (var line in statement.Lines)
        {
            Shows(text, DutchFormat.Money(line.RateCents));
            Shows(text, SettlementFigures.Quantity(line.Quantity, line.Unit, Localizer));
            Shows(text, DutchFormat.Money(line.AmountCents));
        }

        Shows(text, "€ 5.837,25");
        Shows(text, "90,5 uur");
        Shows(text, "3 × etmaal");
        Shows(text, "€ 1.234,56");
        Shows(text, $"Totaal{DutchFormat.Money(statement.TotalCents)}");
        Shows(text, "€ 10.742,13");
        Shows(text, "Kortdurend verblijf (etmaal)");
        Shows(text, "West");
    }

    [Fact]
    public void The_pdf_says_what_it_is_for_whom_which_month_when_computed_and_from_which_revision()
    {
        var text = Read(StatementPdf.Build(Statement(), Areas, Localizer));

        Shows(text, "Specificatie onderaanneming december 2026");
        Shows(text, "Hoofdaanbieder (betaler)Stadse Zorgcombinatie");
        Shows(text, "Onderaannemer (ontvanger)Buurtwerk De Linde");
        Shows(text, "1 december 2026 tot en met 31 december 2026");
        // 13:05 UTC is 14:05 in Groningen in winter.
        Shows(text, "Berekend op5 december 2026 om 14:05");
        Shows(text, "Revisie2");
        Shows(text, "Afrekenregelsversie 1.1");
    }

    [Fact]
    public void No_id_reaches_the_document()
    {
        var statement = Statement();
        var pdf = StatementPdf.Build(statement, Areas, Localizer);
        var text = Read(pdf);

        Assert.DoesNotContain(statement.Id, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(statement.SubcontractId, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-", text);
        Assert.DoesNotContain(statement.Id, Encoding.Latin1.GetString(pdf), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_superseded_revision_says_so()
    {
        var text = Read(StatementPdf.Build(Statement() with { Superseded = true }, Areas, Localizer));

        Shows(text, "2 (inmiddels vervangen door een latere revisie)");
    }

    [Fact]
    public void A_month_without_approved_hours_says_so_and_totals_nothing()
    {
        var text = Read(StatementPdf.Build(Statement(lines: []) with { TotalCents = 0 }, Areas, Localizer));

        Shows(text, "In deze maand is niets goedgekeurd.");
        Shows(text, "Totaal€ 0,00");
    }

    [Fact]
    public void A_long_statement_continues_on_more_pages_with_every_line()
    {
        var lines = Enumerable.Range(1, 90).Select(i => new StatementLineView(1, Product.Begeleiding, Unit.Hour, 6000 + i, 60 * i, (6000 + i) * i, i)).ToList();
        var statement = Statement(lines: lines) with { TotalCents = lines.Sum(l => l.AmountCents) };
        var pdf = StatementPdf.Build(statement, Areas, Localizer);
        var text = Read(pdf);

        Assert.True(PageCount(pdf) > 1);
        foreach (var line in lines)
        {
            Shows(text, DutchFormat.Money(line.AmountCents));
        }

        Shows(text, DutchFormat.Money(statement.TotalCents));
    }

    [Fact]
    public void The_same_revision_gives_the_same_bytes()
    {
        var first = StatementPdf.Build(Statement(), Areas, Localizer);
        var second = StatementPdf.Build(Statement(), Areas, Localizer);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Another_revision_gives_other_bytes_and_another_document_id()
    {
        var two = StatementPdf.Build(Statement(revision: 2), Areas, Localizer);
        var three = StatementPdf.Build(Statement(revision: 3) with { Id = "9d2e3b44-0c1a-4e5f-8a7b-6c5d4e3f2a10" }, Areas, Localizer);

        Assert.NotEqual(two, three);
        Assert.NotEqual(TrailerId(two), TrailerId(three));
    }

    [Fact]
    public void The_dates_inside_are_the_moment_of_computing_not_of_downloading()
    {
        using var document = PdfDocument.Open(StatementPdf.Build(Statement(), Areas, Localizer));

        // In UTC whatever the machine's time zone, so the bytes do not depend on where they are made.
        Assert.Equal("D:20261205130500+00'00'", document.Information.CreationDate);
        Assert.Equal("D:20261205130500+00'00'", document.Information.ModifiedDate);
        Assert.Equal("Specificatie onderaanneming december 2026", document.Information.Title);
    }

    [Fact]
    public void The_font_travels_inside_the_document()
    {
        var raw = Encoding.Latin1.GetString(StatementPdf.Build(Statement(), Areas, Localizer));

        Assert.Contains("+DejaVu#20Sans", raw);
        Assert.Contains("/FontFile2", raw);
    }

    private static string TrailerId(byte[] pdf)
    {
        var raw = Encoding.Latin1.GetString(pdf);
        var at = raw.LastIndexOf("/ID", StringComparison.Ordinal);
        Assert.True(at >= 0, "no document ID in the trailer");
        return raw.Substring(at, 80);
    }
}
