using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GonPortal.Portal.Resources;
using GonPortal.Portal.ServerApi;
using Microsoft.Extensions.Localization;

namespace GonPortal.Portal.Exports;

/// <summary>
/// The year overview as an Excel workbook: a summary sheet with one row per area, then a sheet per area with the
/// lines of the page (<see cref="YearOverviewRows"/>): amounts are numbers with a euro format, so a controller can add
/// them up; what is not computed yet says so in words. Four small sheets, so the Open XML SDK's document model is used
/// as is (the table exports stream because theirs can hold 200,000 rows).
/// </summary>
public static class YearOverviewWorkbook
{
    // Cell styles in the order of CellFormats below.
    private const uint Plain = 0, Bold = 1, Money = 2, Integer = 3;

    public static void Write(Stream output, YearOverviewView overview, IStringLocalizer<Texts> l)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheets = new Sheets();
        workbookPart.Workbook = new Workbook(sheets);

        AddSheet(workbookPart, sheets, l["Jaaroverzicht.BladOverzicht"], Summary(overview, l), [22, 36, 18, 18, 18, 18, 18, 18, 18, 18]);
        foreach (var area in overview.Areas)
        {
            AddSheet(workbookPart, sheets, area.AreaName, AreaSheet(overview.Year, area, l), [62, 30]);
        }
        workbookPart.Workbook.Save();
    }

    /// <summary>One row per area: the figures a controller compares across areas.</summary>
    private static List<List<Cell>> Summary(YearOverviewView overview, IStringLocalizer<Texts> l)
    {
        var notYet = l["Jaaroverzicht.NogNietBerekend"].Value;
        var rows = new List<List<Cell>>
        {
            new() { Text(string.Format(l["Jaaroverzicht.BladTitel"], overview.Year), Bold) },
            new(),
            Header(l, "Gebied", "Hoofdaanbieder", "TotaleLumpsum", "KolomBetaald", "KolomGepland", "Pgb", "KostenOnderaannemers",
                "EigenKosten", "KolomResultaat", "KolomTerug"),
        };
        foreach (var a in overview.Areas)
        {
            rows.Add(
            [
                Text(a.AreaName),
                Text(a.Holders.Count == 0 ? "—" : string.Join(", ", a.Holders.Select(h => h.Name))),
                a.Lumpsum is { } s ? Amount(s.TotalLumpsumCents) : Text(YearOverviewRows.LumpsumMissing(a, l)),
                Amount(a.AdvancesPaidCents),
                Amount(a.AdvancesPlannedCents),
                a.Pgb is { } p ? Amount(p.AmountCents) : Text(l["Jaaroverzicht.PgbNogNiet"]),
                Amount(a.StatementsTotalCents),
                a.OwnCostsCents is { } o ? Amount(o) : Text(l["Jaaroverzicht.GeenJaarverslag"]),
                a.ResultCents is { } w ? Amount(w) : Text(l["Jaaroverzicht.NogGeenAfrekening"]),
                a.RepaymentCents is { } t ? Amount(t) : Text(notYet),
            ]);
        }
        return rows;
    }

    /// <summary>The area's lines, then each holder's lines and reconciliation, as on the page.</summary>
    private static List<List<Cell>> AreaSheet(int year, AreaYearView a, IStringLocalizer<Texts> l)
    {
        var rows = new List<List<Cell>>
        {
            new() { Text(string.Format(l["Jaaroverzicht.GebiedKop"], a.AreaName, year), Bold) },
            new(),
            Header(l, "Onderdeel", "Waarde"),
        };
        rows.AddRange(YearOverviewRows.Area(a, l).Select(Line));
        if (a.Holders.Count == 0)
        {
            rows.Add([]);
            rows.Add([Text(l["Jaaroverzicht.GeenHouder"])]);
        }
        foreach (var h in a.Holders)
        {
            rows.Add([]);
            rows.Add([Text(l["Hoofdaanbieder"], Bold), Text(h.Name, Bold)]);
            rows.AddRange(YearOverviewRows.Holder(a, h, l).Select(Line));
            if (h.Reconciliation is { } r)
            {
                rows.Add([Text(l["Jaaroverzicht.Afrekening"], Bold)]);
                rows.AddRange(YearOverviewRows.Reconciliation(r, l).Select(Line));
            }
            else
            {
                rows.Add([Text(l["Jaaroverzicht.Afrekening"]), Text(l["Jaaroverzicht.NogGeenAfrekening"])]);
            }
        }
        return rows;
    }

    private static List<Cell> Line(OverviewRow row) =>
        [Text(row.Label), row.Cents is { } c ? Amount(c) : row.Count is { } n ? Number(n) : Text(row.Text ?? "")];

    private static List<Cell> Header(IStringLocalizer<Texts> l, params string[] keys) =>
        [.. keys.Select(k => Text(l[$"Jaaroverzicht.Kolom.{k}"], Bold))];

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, string name, List<List<Cell>> rows, int[] widths)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)r + 1 };
            for (var c = 0; c < rows[r].Count; c++)
            {
                var cell = rows[r][c];
                cell.CellReference = XlsxTableExport.ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture);
                row.Append(cell);
            }
            data.Append(row);
        }
        var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true }));
        part.Worksheet = new Worksheet(columns, data);
        part.Worksheet.Save();
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = XlsxTableExport.SheetName(name, "Blad") });
    }

    private static Cell Amount(long cents) =>
        new() { CellValue = new CellValue((cents / 100m).ToString(CultureInfo.InvariantCulture)), StyleIndex = Money };

    private static Cell Number(long value) =>
        new() { CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)), StyleIndex = Integer };

    private static Cell Text(string text, uint style = Plain) =>
        new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString, StyleIndex = style };

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = XlsxTableExport.MoneyFormat }) { Count = 1 },
        new Fonts(new Font(), new Font(new DocumentFormat.OpenXml.Spreadsheet.Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true }) { Count = 4 });
}
