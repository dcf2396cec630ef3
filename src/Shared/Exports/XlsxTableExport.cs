using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GonPortal.Exports;

/// <summary>
/// Writes a table as an Excel workbook: numbers, money and dates are real cell values with a Dutch display format, so
/// a controller can sum and filter. Rows go into the sheet through the Open XML SDK's forward-only writer (the SDK
/// ClosedXML builds on; ClosedXML itself holds every cell as an object — ~300 MB of heap for 200,000 rows, see
/// docs/benchmarks.md). Text is stored inline (no shared-string table to keep). The package is opened write-only, so
/// System.IO.Packaging zips each part straight into <c>output</c> as it is written instead of keeping every part in
/// memory until it closes (what a read-write package does): memory stays flat with the rows. The writes are
/// synchronous, so hand it a file (or a memory stream), not an ASP.NET Core response body. The tests read the files
/// back with ClosedXML.
/// </summary>
#if GON_EXPORTS_INTERNAL
internal
#else
public
#endif
static class XlsxTableExport
{
    /// <summary>Excel's own limit on rows in one sheet, less the header.</summary>
    public const int MaxRows = 1_048_575;

    public const string MoneyFormat = "€ #,##0.00;€ -#,##0.00";
    public const string HoursFormat = "0.00";
    public const string DateFormat = "dd-mm-yyyy";

    // Cell styles in the order of CellFormats below.
    private const uint Header = 1, Money = 2, Date = 3, Hours = 4, Integer = 5;

    public static async Task<int> WriteAsync<T>(Stream output, string sheetName, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows,
        CancellationToken cancellationToken = default)
    {
        // Write-only: each part is deflated into the output once, in order (styles, workbook, sheet), and never
        // reopened, which is why autoSave is off and every part is saved exactly once below.
        using var package = Package.Open(output, FileMode.Create, FileAccess.Write);
        using var document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook, autoSave: false);
        var workbookPart = document.AddWorkbookPart();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        styles.Stylesheet.Save();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(sheetName) }));
        workbookPart.Workbook.Save();

        var count = 0;
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 }));
            writer.WriteStartElement(new SheetData());
            writer.WriteStartElement(new Row { RowIndex = 1 });
            foreach (var column in columns)
            {
                writer.WriteElement(TextCell(column.Header, Header));
            }
            writer.WriteEndElement();
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                if (count == MaxRows)
                {
                    break;
                }
                count++;
                writer.WriteStartElement(new Row { RowIndex = (uint)count + 1 });
                for (var c = 0; c < columns.Count; c++)
                {
                    if (Cell(columns[c].Kind, columns[c].Value(row)) is { } cell)
                    {
                        // the reference keeps later cells in their column when an empty one is left out
                        cell.CellReference = ColumnName(c) + (count + 1).ToString(CultureInfo.InvariantCulture);
                        writer.WriteElement(cell);
                    }
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement(); // SheetData
            writer.WriteEndElement(); // Worksheet
        }
        return count;
    }

    private static Cell? Cell(ExportKind kind, object? value) => (kind, value) switch
    {
        (_, null) => null,
        (ExportKind.Money, long cents) => NumberCell(cents / 100m, Money),
        (ExportKind.Money, int cents) => NumberCell(cents / 100m, Money),
        (ExportKind.Hours, int minutes) => NumberCell(Math.Round(minutes / 60m, 2), Hours),
        (ExportKind.Date, DateOnly date) => NumberCell((decimal)date.ToDateTime(TimeOnly.MinValue).ToOADate(), Date),
        (ExportKind.Integer, IConvertible number) => NumberCell(number.ToDecimal(CultureInfo.InvariantCulture), Integer),
        // text stays text: a postcode or a number-like key must not become a number
        _ => TextCell(value.ToString() ?? string.Empty, 0),
    };

    private static Cell NumberCell(decimal value, uint style) =>
        new() { CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)), StyleIndex = style };

    private static Cell TextCell(string text, uint style) =>
        new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString, StyleIndex = style };

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = MoneyFormat },
            new NumberingFormat { NumberFormatId = 165, FormatCode = DateFormat },
            new NumberingFormat { NumberFormatId = 166, FormatCode = HoursFormat }) { Count = 3 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 1, ApplyNumberFormat = true }) { Count = 6 });

    /// <summary>A, B, …, Z, AA, AB, …: the column's letters in a cell reference.</summary>
    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }

    /// <summary>Excel allows 31 characters and none of : \ / ? * [ ] in a sheet name.</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(ch => ":\\/?*[]".IndexOf(ch) < 0).ToArray()).Trim();
        return clean.Length == 0 ? "Blad1" : clean[..Math.Min(31, clean.Length)];
    }
}
