using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GonPortal.Exports;

/// <summary>
/// Writes a table as an Excel workbook: numbers, money and dates are real cell values with a Dutch display format, so
/// a controller can sum and filter. Rows go into the sheet through the Open XML SDK's forward-only writer (the SDK
/// ClosedXML builds on; ClosedXML itself holds every cell as an object — ~300 MB of heap for 200,000 rows, see
/// docs/benchmarks.md). Text is stored inline (no shared-string table to keep). The package is a zip written
/// forward-only (<see cref="ZipArchiveMode.Create"/>), each part deflated straight into <c>output</c> as it is
/// written: the SDK's own package (System.IO.Packaging) needs a readable, seekable stream and keeps every part it
/// writes until it closes, so its memory grew with the rows. The four small parts around the sheet (content types,
/// relationships, workbook, styles) are fixed. Zip writes are synchronous: hand it a file or a memory stream, not an
/// ASP.NET Core response body. The tests read the files back with ClosedXML.
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
    public const string DateTimeFormat = "dd-mm-yyyy hh:mm";
    public const string PercentageFormat = "0.00%";

    // Cell styles in the order of CellFormats below.
    private const uint Header = 1, Money = 2, Date = 3, Hours = 4, Integer = 5, Moment = 6, Percent = 7;

    public static async Task<int> WriteAsync<T>(Stream output, string sheetName, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows,
        CancellationToken cancellationToken = default)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        WriteText(zip, "[Content_Types].xml", ContentTypes);
        WriteText(zip, "_rels/.rels", PackageRelationships);
        WriteText(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships);
        WritePart(zip, "xl/workbook.xml", new Workbook(new Sheets(new Sheet { Id = "rId1", SheetId = 1, Name = SheetName(sheetName) })));
        WritePart(zip, "xl/styles.xml", Stylesheet());

        var count = 0;
        using (var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartDocument(true);
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

    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
        """;

    private const string PackageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;

    private const string WorkbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """;

    private static void WriteText(ZipArchive zip, string name, string text)
    {
        using var part = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        part.Write(new UTF8Encoding(false).GetBytes(text));
    }

    private static void WritePart(ZipArchive zip, string name, OpenXmlElement root)
    {
        using var part = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartDocument(true);
        writer.WriteElement(root);
    }

    private static Cell? Cell(ExportKind kind, object? value) => (kind, value) switch
    {
        (_, null) => null,
        (ExportKind.Money, long cents) => NumberCell(cents / 100m, Money),
        (ExportKind.Money, int cents) => NumberCell(cents / 100m, Money),
        (ExportKind.Hours, int minutes) => NumberCell(Math.Round(minutes / 60m, 2), Hours),
        (ExportKind.Date, DateOnly date) => NumberCell((decimal)date.ToDateTime(TimeOnly.MinValue).ToOADate(), Date),
        (ExportKind.Integer, IConvertible number) => NumberCell(number.ToDecimal(CultureInfo.InvariantCulture), Integer),
        (ExportKind.DateTime, DateTimeOffset moment) => NumberCell(Math.Round((decimal)DutchTime.Local(moment).ToOADate(), 8), Moment),
        (ExportKind.Percentage, IConvertible fraction) => NumberCell(fraction.ToDecimal(CultureInfo.InvariantCulture), Percent),
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
            new NumberingFormat { NumberFormatId = 166, FormatCode = HoursFormat },
            new NumberingFormat { NumberFormatId = 167, FormatCode = DateTimeFormat },
            new NumberingFormat { NumberFormatId = 168, FormatCode = PercentageFormat }) { Count = 5 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 1, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 167, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 168, ApplyNumberFormat = true }) { Count = 8 });

    /// <summary>A, B, …, Z, AA, AB, …: the column's letters in a cell reference.</summary>
    internal static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }

    /// <summary>Excel allows 31 characters and none of : \ / ? * [ ] in a sheet name.</summary>
    internal static string SheetName(string name, string fallback = "Blad1")
    {
        var clean = new string(name.Where(ch => ":\\/?*[]".IndexOf(ch) < 0).ToArray()).Trim();
        return clean.Length == 0 ? fallback : clean[..Math.Min(31, clean.Length)];
    }
}
