using System.Globalization;
using ClosedXML.Excel;
using GonPortal.Contracts.V1;
using GonPortal.Portal.Exports;
using PortalTexts = GonPortal.Portal.Resources.Texts;
using GonPortal.Portal.ServerApi;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GonPortal.Portal.Tests.Exports;

/// <summary>
/// The year overview's workbook, read back with ClosedXML, for what the demo year cannot show in the browser: an area
/// handed over in the year (each holder's period, days and shares) next to an area without a contract and one whose
/// lumpsum waits for an input. Amounts are numbers in euros, states are words, no sheet holds an id.
/// </summary>
public sealed class YearOverviewWorkbookTests
{
    private static readonly IStringLocalizer<PortalTexts> L = new StringLocalizer<PortalTexts>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static HolderYearView Holder(string name, DateOnly from, DateOnly to, int days, long share, long pgb, long paid) =>
        new(name, from, to, days, share, pgb, paid, share - paid, 1_000_00, null, false, null);

    private static readonly YearOverviewView Overview = new(2098, DateTimeOffset.UnixEpoch,
    [
        new(1, "Centrum, Oude Wijken", YearOverviewLumpsumState.NoAreaContract, null, 0, 0, 0, null, 0, 0, []),
        new(2, "West", YearOverviewLumpsumState.InputMissing, null, 0, 0, 0, null, 0, 0,
            [new("Stadse Zorgcombinatie", null, null, 0, null, 0, 0, 0, 0, 4_500_000_00, true, null)]),
        new(4, "Zuid en Haren", YearOverviewLumpsumState.Computed,
            new LumpsumView(4, 2098, 2097, 210_000_000_00, [], 216_552_000_00, -1_234_56, 1, 216_550_765_44), 0, 0, 216_550_765_44,
            new YearPgbView(SettlementRunKind.PgbFinal, 2, -312_345_67), 2_345_67, 3,
            [
                Holder("Zorgnetwerk Zuid en Haren", new DateOnly(2098, 1, 1), new DateOnly(2098, 4, 30), 120, 71_194_224_23, -102_688_99, 0),
                Holder("Welzijn Oost en Ten Boer", new DateOnly(2098, 5, 1), new DateOnly(2098, 12, 31), 245, 145_356_541_21, -209_656_68, 0),
            ]),
    ]);

    [Fact]
    public void A_summary_sheet_and_a_sheet_per_area_hold_the_figures_as_euros_and_the_states_as_words()
    {
        using var stream = new MemoryStream();
        YearOverviewWorkbook.Write(stream, Overview, L);
        stream.Position = 0;
        using var workbook = new XLWorkbook(stream);
        Assert.Equal(["Overzicht", "Centrum, Oude Wijken", "West", "Zuid en Haren"], workbook.Worksheets.Select(w => w.Name));

        var summary = workbook.Worksheet("Overzicht");
        Assert.Equal("Jaaroverzicht 2098", summary.Cell(1, 1).GetString());
        Assert.Equal(["Gebied", "Hoofdaanbieder", "Totale lumpsum"], Enumerable.Range(1, 3).Select(c => summary.Cell(3, c).GetString()));
        Assert.Equal(("Centrum, Oude Wijken", "—", "Geen gebiedscontract in dit jaar"),
            (summary.Cell(4, 1).GetString(), summary.Cell(4, 2).GetString(), summary.Cell(4, 3).GetString()));
        Assert.StartsWith("Nog niet berekend", summary.Cell(5, 3).GetString(), StringComparison.Ordinal);
        Assert.Equal(4_500_000m, Amount(summary.Cell(5, 8)));
        Assert.Equal("Zorgnetwerk Zuid en Haren, Welzijn Oost en Ten Boer", summary.Cell(6, 2).GetString());
        Assert.Equal((216_550_765.44m, 0m, 216_550_765.44m, -312_345.67m), (Amount(summary.Cell(6, 3)), Amount(summary.Cell(6, 4)), Amount(summary.Cell(6, 5)), Amount(summary.Cell(6, 6))));
        Assert.Equal(("Nog geen jaarverslag", "Nog geen afrekening"), (summary.Cell(6, 8).GetString(), summary.Cell(6, 9).GetString()));

        var zuid = workbook.Worksheet("Zuid en Haren");
        var labels = zuid.Column(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Equal(216_550_765.44m, Amount(Right(zuid, "Totale lumpsum")));
        Assert.Equal(-1_234.56m, Amount(Right(zuid, "Ventielaanpassingen")));
        Assert.Equal(-312_345.67m, Amount(Right(zuid, "Definitieve PGB-verrekening, revisie 2")));
        Assert.Equal(2_345.67m, Amount(Right(zuid, "Kosten onderaannemers (3 specificaties)")));
        // Each holder: its period, its days as a number, its shares as amounts, and words where nothing is computed yet.
        Assert.Equal(["01-01-2098 tot en met 30-04-2098", "01-05-2098 tot en met 31-12-2098"],
            zuid.Column(1).CellsUsed().Where(c => c.GetString() == "Periode").Select(c => c.CellRight().GetString()));
        Assert.Equal([120d, 245d], zuid.Column(1).CellsUsed().Where(c => c.GetString() == "Dagen in het jaar").Select(c => c.CellRight().GetDouble()));
        Assert.Equal([71_194_224.23m, 145_356_541.21m],
            zuid.Column(1).CellsUsed().Where(c => c.GetString() == "Aandeel in de totale lumpsum").Select(c => Amount(c.CellRight())));
        Assert.Equal([-102_688.99m, -209_656.68m],
            zuid.Column(1).CellsUsed().Where(c => c.GetString() == "Aandeel in de PGB-verrekening").Select(c => Amount(c.CellRight())));
        Assert.Equal(2, labels.Count(l => l == "Afrekening"));
        Assert.All(zuid.Column(1).CellsUsed().Where(c => c.GetString() == "Afrekening"), c => Assert.Equal("Nog geen afrekening", c.CellRight().GetString()));

        var west = workbook.Worksheet("West");
        Assert.Equal(4_500_000m, Amount(Right(west, "Eigen leveringskosten (jaarverslag, vergrendeld)")));
        Assert.Equal("Nog geen afrekening", Right(west, "Afrekening").GetString());
        Assert.Equal("Geen hoofdaanbieder in dit jaar.", workbook.Worksheet("Centrum, Oude Wijken").Column(1).CellsUsed().Last().GetString());
    }

    private static IXLCell Right(IXLWorksheet sheet, string label) =>
        sheet.Column(1).CellsUsed().Single(c => c.GetString() == label).CellRight();

    private static decimal Amount(IXLCell cell)
    {
        Assert.Equal(XLDataType.Number, cell.DataType);
        Assert.Equal("€ #,##0.00;€ -#,##0.00", cell.Style.NumberFormat.Format);
        return Math.Round((decimal)cell.GetDouble(), 2);
    }
}
