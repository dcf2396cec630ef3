using GonPortal.Contracts.V1;
using GonPortal.Portal.Components.Settlement;
using GonPortal.Portal.Documents;
using GonPortal.Portal.Formatting;
using GonPortal.Portal.ServerApi;
using static GonPortal.Portal.Tests.Documents.DocumentTexts;

namespace GonPortal.Portal.Tests.Documents;

/// <summary>
/// A yearly reconciliation as PDF for a controller: every figure of the portal's reconciliation page with its Dutch name,
/// the index chain, the statements behind the subcontractor costs, the PGB settlement with its inputs and the parameter
/// version; and the same revision gives the same bytes.
/// </summary>
public sealed class ReconciliationPdfTests
{
    private const string Area = "Centrum, Oude Wijken";

    private static ReconciliationView Reconciliation(int revision = 1) => new(
        "3a9b6c1d-2e4f-4a5b-8c7d-9e0f1a2b3c4d",
        1,
        2027,
        "Stadse Zorgcombinatie",
        revision,
        Superseded: false,
        "1.1",
        ParametersVersion: 3,
        new DateTimeOffset(2028, 1, 20, 9, 30, 0, TimeSpan.Zero).AddHours(revision - 1),
        new LumpsumView(1, 2027, 2025, 1_200_000_000, [new(2026, 312, IndexKind.Definitive, 1_237_440_000), new(2027, 275, IndexKind.Prognosis, 1_271_469_600)],
            1_271_469_600, -2_500_000, 2, 1_268_969_600),
        1_268_969_600,
        PgbSettlementRevision: 2,
        PgbAmountCents: -4_567_800,
        RevenueCents: 1_264_401_800,
        SubcontractorCostsCents: 31_234_567,
        [new("s1", "Buurtwerk De Linde", 1, 1, 2_345_678), new("s2", "Dagbesteding Het Atelier", 2, 3, 1_111_111), new("s3", "", 3, 1, 27_777_778)],
        OwnDeliveryCostsCents: 250_000_000,
        YearReportLocked: true,
        new DateTimeOffset(2028, 1, 10, 12, 0, 0, TimeSpan.Zero),
        CostsCents: 281_234_567,
        ResultCents: 983_167_233,
        ProfitCapBp: 496,
        ProfitCapCents: 62_714_329,
        HourArrangementCount: 1234,
        new ExactView("123456", "1", "123456"),
        new ExactView("865423", "7", "123631.8571"),
        new ExactView("4321", "7", "617.2857"),
        ReferenceHourlyRateCents: 6250,
        StaffShortageCents: 3_857_786,
        StaffShortageReclaimCents: 1_928_893,
        ExcessProfitCents: 920_452_904,
        new DateOnly(2027, 12, 31),
        new TargetView(6123, 6000, TargetStatus.Met, 612, 1000),
        new TargetView(812, 1000, TargetStatus.Missed, 81, 1000),
        SanctionBp: 150,
        BasisShareSanctionCents: 0,
        InitiativeShareSanctionCents: 19_034_544,
        SanctionsCents: 19_034_544,
        RepaymentCents: 941_416_341);

    private static PgbSettlementView Pgb() => new(
        SettlementRunKind.PgbFinal, 1, 2027, 2, false, "1.1", 3, new DateTimeOffset(2028, 1, 15, 8, 0, 0, TimeSpan.Zero),
        412, new DateOnly(2026, 12, 31), Enumerable.Range(1, 12).Select(m => (m, 400 + m)).ToList(), 12, 4878,
        new ExactView("813", "2", "406.5"), new ExactView("-11", "2", "-5.5"), 200, new ExactView("206", "25", "8.24"),
        new ExactView("0", "1", "0"), 1_234_500, 5000, 0);

    [Fact]
    public void Every_figure_of_the_reconciliation_page_is_in_the_pdf_with_its_name()
    {
        var reconciliation = Reconciliation();
        var text = Read(ReconciliationPdf.Build(reconciliation, Area, Pgb(), Localizer));

        foreach (var figure in SettlementFigures.Of(reconciliation, Localizer))
        {
            Shows(text, figure.Label + figure.Value);
        }

        Shows(text, "Opbrengst (totale lumpsum plus PGB-verrekening)€ 12.644.018,00");
        Shows(text, "Terug te betalen (terugvordering personeelstekort, overwinst en sancties)€ 9.414.163,41");
        Shows(text, "Niet-geleverde uren4321/7 (≈ 617,2857)");
        Shows(text, "Winstplafond4,96 %");
    }

    [Fact]
    public void The_inputs_are_there_the_index_chain_the_statements_behind_the_costs_and_the_pgb_settlement()
    {
        var reconciliation = Reconciliation();
        var pgb = Pgb();
        var text = Read(ReconciliationPdf.Build(reconciliation, Area, pgb, Localizer));

        Shows(text, "20263,12 %Definitief€ 12.374.400,00");
        Shows(text, "20272,75 %Prognose€ 12.714.696,00");
        foreach (var used in reconciliation.StatementsUsed)
        {
            Shows(text, DutchFormat.Money(used.AreaAmountCents));
        }

        Shows(text, "januari 2027Buurtwerk De Linde1€ 23.456,78");
        Shows(text, "maart 2027(naam niet zichtbaar)1");
        Shows(text, "Kosten onderaannemers€ 312.345,67");
        foreach (var figure in SettlementFigures.Of(pgb, Localizer))
        {
            Shows(text, figure.Label + figure.Value);
        }
    }

    [Fact]
    public void The_pdf_says_what_it_is_for_whom_which_year_when_computed_revision_and_parameter_version()
    {
        var text = Read(ReconciliationPdf.Build(Reconciliation(), Area, Pgb(), Localizer));

        Shows(text, "Jaarlijkse verantwoording Centrum, Oude Wijken 2027");
        Shows(text, "Hoofdaanbieder (betaler)Stadse Zorgcombinatie");
        Shows(text, "1 januari 2027 tot en met 31 december 2027");
        Shows(text, "Berekend op20 januari 2028 om 10:30");
        Shows(text, "Revisie1");
        Shows(text, "Afrekenregelsversie 1.1");
        Shows(text, "Gebruikte jaarparametersversie 3");
    }

    [Fact]
    public void Figures_are_named_in_words_not_formula_symbols_and_no_id_is_shown()
    {
        var reconciliation = Reconciliation();
        using var document = UglyToad.PdfPig.PdfDocument.Open(ReconciliationPdf.Build(reconciliation, Area, Pgb(), Localizer));
        var words = document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToHashSet();

        foreach (var symbol in new[] { "R", "A", "S", "U", "W", "K", "T", "E", "M", "Ms", "Ltot", "σ", "δ", "P0", "D'" })
        {
            Assert.DoesNotContain(symbol, words);
        }

        Assert.DoesNotContain(reconciliation.Id, string.Join(" ", words));
    }

    [Fact]
    public void Without_a_pgb_settlement_the_rest_is_still_complete()
    {
        var reconciliation = Reconciliation();
        var text = Read(ReconciliationPdf.Build(reconciliation, Area, null, Localizer));

        foreach (var figure in SettlementFigures.Of(reconciliation, Localizer))
        {
            Shows(text, figure.Label + figure.Value);
        }

        Assert.DoesNotContain(Squeeze("Alle figuren van de PGB-verrekening"), text);
    }

    [Fact]
    public void The_same_revision_gives_the_same_bytes_and_another_revision_other_bytes()
    {
        var first = ReconciliationPdf.Build(Reconciliation(), Area, Pgb(), Localizer);
        var again = ReconciliationPdf.Build(Reconciliation(), Area, Pgb(), Localizer);
        var next = ReconciliationPdf.Build(Reconciliation(revision: 2), Area, Pgb(), Localizer);

        Assert.Equal(first, again);
        Assert.NotEqual(first, next);
    }
}
