using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;
using GonPortal.Exports;
using GonPortal.Portal.Exports;

namespace GonPortal.Portal.Tests.Exports;

/// <summary>Both export writers, read back with the libraries a controller's tools stand for (CsvHelper, ClosedXML).</summary>
public sealed class TableExportFileTests
{
    private sealed record Row(string Name, DateOnly? Date, long Cents, int Minutes, int Count, string Postcode);

    private static readonly Row[] Rows =
    [
        new("Jansen; Jan \"JJ\"", new DateOnly(1950, 3, 7), 123_456, 90, 4, "9711AB"),
        new("Émile de Vries", null, -5, 15, 0, "0123"),
        new("Piet", new DateOnly(2027, 12, 31), 100_000_000, 600, 12_345, "9999ZZ"),
    ];

    private static readonly IReadOnlyList<ExportColumn<Row>> Columns =
    [
        new("Naam", ExportKind.Text, r => r.Name),
        new("Geboortedatum", ExportKind.Date, r => r.Date),
        new("Bedrag", ExportKind.Money, r => r.Cents),
        new("Uren", ExportKind.Hours, r => r.Minutes),
        new("Aantal", ExportKind.Integer, r => r.Count),
        new("Postcode", ExportKind.Text, r => r.Postcode),
    ];

    private static async IAsyncEnumerable<T> Async<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    [Fact]
    public async Task The_csv_has_a_bom_semicolons_quotes_and_dutch_numbers_and_dates()
    {
        using var stream = new MemoryStream();
        Assert.Equal(3, await CsvTableExport.WriteAsync(stream, Columns, Async(Rows)));
        var bytes = stream.ToArray();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);

        using var reader = new CsvReader(new StreamReader(new MemoryStream(bytes), Encoding.UTF8),
            new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(reader.Parser.Record!);
        }
        Assert.Equal(["Naam", "Geboortedatum", "Bedrag", "Uren", "Aantal", "Postcode"], records[0]);
        Assert.Equal(["Jansen; Jan \"JJ\"", "07-03-1950", "1234,56", "1,50", "4", "9711AB"], records[1]);
        Assert.Equal(["Émile de Vries", "", "-0,05", "0,25", "0", "0123"], records[2]);
        Assert.Equal(["Piet", "31-12-2027", "1000000,00", "10,00", "12345", "9999ZZ"], records[3]);
    }

    [Theory]
    [InlineData("Eerste regel\nTweede regel")]
    [InlineData("Eerste regel\r\nTweede regel")]
    [InlineData("Alleen\rterug")]
    public async Task A_text_on_more_lines_stays_one_field_of_one_row(string note)
    {
        IReadOnlyList<ExportColumn<string>> columns = [new("Toelichting", ExportKind.Text, n => n), new("Na", ExportKind.Text, _ => "volgt")];
        using var stream = new MemoryStream();
        await CsvTableExport.WriteAsync(stream, columns, Async([note, "Eén regel"]));
        using var reader = new CsvReader(new StreamReader(new MemoryStream(stream.ToArray()), Encoding.UTF8),
            new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(reader.Parser.Record!);
        }
        Assert.Equal(3, records.Count);
        Assert.Equal([note, "volgt"], records[1]);
        Assert.Equal(["Eén regel", "volgt"], records[2]);
    }

    [Fact]
    public async Task The_workbook_holds_real_numbers_dates_and_money_formats()
    {
        using var stream = new MemoryStream();
        Assert.Equal(3, await XlsxTableExport.WriteAsync(stream, "Cliënten", Columns, Async(Rows)));
        stream.Position = 0;

        using var workbook = new XLWorkbook(stream);
        var sheet = workbook.Worksheet("Cliënten");
        Assert.Equal("Naam", sheet.Cell(1, 1).GetString());
        Assert.Equal(4, sheet.LastRowUsed().RowNumber());
        Assert.Equal("Jansen; Jan \"JJ\"", sheet.Cell(2, 1).GetString());

        Assert.Equal(XLDataType.DateTime, sheet.Cell(2, 2).DataType);
        Assert.Equal(new DateTime(1950, 3, 7), sheet.Cell(2, 2).GetDateTime());
        Assert.Equal("", sheet.Cell(3, 2).GetString());

        Assert.Equal(XLDataType.Number, sheet.Cell(2, 3).DataType);
        Assert.Equal(1234.56m, sheet.Cell(2, 3).GetValue<decimal>());
        Assert.Equal(-0.05m, sheet.Cell(3, 3).GetValue<decimal>());
        Assert.Equal(XlsxTableExport.MoneyFormat, sheet.Cell(2, 3).Style.NumberFormat.Format);

        Assert.Equal(1.5m, sheet.Cell(2, 4).GetValue<decimal>());
        Assert.Equal(12_345m, sheet.Cell(4, 5).GetValue<decimal>());

        // a postcode or a key that looks like a number stays text, leading zero and all
        Assert.Equal(XLDataType.Text, sheet.Cell(3, 6).DataType);
        Assert.Equal("0123", sheet.Cell(3, 6).GetString());
    }

    private sealed record Moment(string Text, DateTimeOffset At, decimal Share);

    private static readonly Moment[] Moments =
    [
        // 11:30 UTC in summer is 13:30 in Groningen; in winter 12:30
        new("=HYPERLINK(\"http://x\")", new DateTimeOffset(2027, 7, 1, 11, 30, 0, TimeSpan.Zero), 0.125m),
        new("-1 uur", new DateTimeOffset(2027, 1, 15, 11, 30, 0, TimeSpan.Zero), 1m),
        new("@Jan", new DateTimeOffset(2027, 1, 15, 23, 30, 0, TimeSpan.Zero), 0m),
    ];

    private static readonly IReadOnlyList<ExportColumn<Moment>> MomentColumns =
    [
        new("Tekst", ExportKind.Text, m => m.Text),
        new("Tijdstip", ExportKind.DateTime, m => m.At),
        new("Aandeel", ExportKind.Percentage, m => m.Share),
    ];

    [Fact]
    public async Task The_csv_writes_moments_in_dutch_local_time_percentages_and_neutralises_formulas()
    {
        using var stream = new MemoryStream();
        await CsvTableExport.WriteAsync(stream, MomentColumns, Async(Moments));
        using var reader = new CsvReader(new StreamReader(new MemoryStream(stream.ToArray()), Encoding.UTF8),
            new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(reader.Parser.Record!);
        }
        Assert.Equal(["'=HYPERLINK(\"http://x\")", "01-07-2027 13:30", "12,5%"], records[1]);
        Assert.Equal(["'-1 uur", "15-01-2027 12:30", "100%"], records[2]);
        Assert.Equal(["'@Jan", "16-01-2027 00:30", "0%"], records[3]);
        // a negative amount is a number, not text: it keeps its minus sign
        Assert.Equal("-0,05", CsvTableExport.Text(ExportKind.Money, -5L));
    }

    [Fact]
    public async Task The_workbook_stores_moments_and_percentages_as_numbers_and_text_never_as_a_formula()
    {
        using var stream = new MemoryStream();
        await XlsxTableExport.WriteAsync(stream, "Tijden", MomentColumns, Async(Moments));
        stream.Position = 0;
        using var workbook = new XLWorkbook(stream);
        var sheet = workbook.Worksheet("Tijden");
        Assert.False(sheet.Cell(2, 1).HasFormula);
        Assert.Equal("=HYPERLINK(\"http://x\")", sheet.Cell(2, 1).GetString());
        Assert.Equal(XLDataType.DateTime, sheet.Cell(2, 2).DataType);
        Assert.Equal(new DateTime(2027, 7, 1, 13, 30, 0), sheet.Cell(2, 2).GetDateTime());
        Assert.Equal(new DateTime(2027, 1, 16, 0, 30, 0), sheet.Cell(4, 2).GetDateTime());
        Assert.Equal(XlsxTableExport.DateTimeFormat, sheet.Cell(2, 2).Style.NumberFormat.Format);
        Assert.Equal(0.125m, sheet.Cell(2, 3).GetValue<decimal>());
        Assert.Equal(XlsxTableExport.PercentageFormat, sheet.Cell(2, 3).Style.NumberFormat.Format);
    }

    [Fact]
    public async Task Every_page_of_the_filtered_set_is_exported_not_only_the_first()
    {
        var pages = new Dictionary<string, (string[] Items, string Next)>
        {
            [""] = (["a", "b"], "p2"),
            ["p2"] = (["c"], "p3"),
            ["p3"] = (["d"], ""),
        };
        var asked = new List<(string, int)>();
        var all = ExportPages.AllAsync<string>((token, size, _) =>
        {
            asked.Add((token, size));
            var (items, next) = pages[token];
            return Task.FromResult(GonPortal.Portal.ServerApi.ServerResult<GonPortal.Portal.ServerApi.Page<string>>.Ok(new(items, next)));
        });
        var read = new List<string>();
        await foreach (var item in all)
        {
            read.Add(item);
        }
        Assert.Equal(["a", "b", "c", "d"], read);
        Assert.Equal([("", 500), ("p2", 500), ("p3", 500)], asked);
    }

    [Fact]
    public void Sorting_compares_values_not_display_text_and_toggles_direction()
    {
        var sort = new TableSort();
        var keys = new Dictionary<string, Func<Row, object?>> { ["datum"] = r => r.Date, ["bedrag"] = r => r.Cents };
        Assert.Equal("none", sort.AriaSort("datum"));

        sort.Toggle("bedrag");
        Assert.Equal([-5L, 123_456L, 100_000_000L], sort.Apply(Rows, keys).Select(r => r.Cents));
        Assert.Equal(("ascending", "none"), (sort.AriaSort("bedrag"), sort.AriaSort("datum")));

        sort.Toggle("bedrag");
        Assert.Equal([100_000_000L, 123_456L, -5L], sort.Apply(Rows, keys).Select(r => r.Cents));
        Assert.Equal("descending", sort.AriaSort("bedrag"));

        sort.Toggle("datum");
        Assert.Equal(["Jansen; Jan \"JJ\"", "Piet", "Émile de Vries"], sort.Apply(Rows, keys).Select(r => r.Name)); // empty date last
    }
}
