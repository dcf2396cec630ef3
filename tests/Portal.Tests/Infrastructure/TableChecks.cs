using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Playwright;

namespace GonPortal.Portal.Tests.Infrastructure;

/// <summary>
/// What a person does with a table that sorts and downloads, shared by the table tests: read the cells as shown, sort
/// by a header and check the order and aria-sort, download the CSV or the workbook and read it back.
/// </summary>
public static partial class TableChecks
{
    public static readonly StringComparer DutchNames = StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true);

    /// <summary>Every body row's cells (th and td) as their visible text, in the order shown.</summary>
    public static async Task<IReadOnlyList<string[]>> CellsAsync(ILocator table) =>
        await table.EvaluateAsync<string[][]>(
            "t => [...t.tBodies[0].rows].map(r => [...r.cells].map(c => c.innerText.replace(/\\s+/g, ' ').trim()))");

    /// <summary>
    /// Clicks the header of the column twice: ascending, then descending, each time checking aria-sort and that the
    /// column's cells are in order by <paramref name="key"/> (null for an empty cell, which sorts last both ways).
    /// Returns the rows as shown after the second click.
    /// </summary>
    public static async Task<IReadOnlyList<string[]>> SortBothWaysAsync(ILocator table, int column, Func<string, IComparable?> key)
    {
        var header = table.Locator("thead th").Nth(column);
        await Assertions.Expect(header).ToHaveAttributeAsync("aria-sort", "none");
        var before = await CellsAsync(table);
        var rows = before;
        foreach (var direction in new[] { "ascending", "descending" })
        {
            await header.GetByRole(AriaRole.Button).ClickAsync();
            await Assertions.Expect(header).ToHaveAttributeAsync("aria-sort", direction);
            // the circuit re-renders after the click: wait until the expected order shows (or fail with the last seen)
            var deadline = DateTime.UtcNow.AddSeconds(10);
            do
            {
                rows = await CellsAsync(table);
                if (InOrder(rows.Select(r => key(r[column])).ToList(), direction == "descending"))
                {
                    break;
                }
                await Task.Delay(100);
            }
            while (DateTime.UtcNow < deadline);
            var keys = rows.Select(r => key(r[column])).ToList();
            Assert.True(InOrder(keys, direction == "descending"),
                $"column {column} not {direction}: {string.Join(" | ", rows.Select(r => r[column]))}");
            Assert.Equal(before.Count, rows.Count);
        }
        return rows;
    }

    private static bool InOrder(IReadOnlyList<IComparable?> keys, bool descending)
    {
        for (var i = 1; i < keys.Count; i++)
        {
            var (a, b) = (keys[i - 1], keys[i]);
            if (a is null && b is not null)
            {
                return false; // empty cells come last
            }
            if (a is null || b is null)
            {
                continue;
            }
            var c = a is string x && b is string y ? DutchNames.Compare(x, y) : a.CompareTo(b);
            if (descending ? c < 0 : c > 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Downloads the CSV through the export button; checks the file name (a pattern without the extension: plain
    /// names are patterns of themselves), the BOM and the ";" separator.
    /// </summary>
    public static async Task<IReadOnlyList<string[]>> DownloadCsvAsync(IPage page, string exportId, string fileName)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"#{exportId}-csv").ClickAsync());
        Assert.Matches($"^{fileName}\\.csv$", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotMatch(Guid(), text);
        using var csv = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        var records = new List<string[]>();
        while (csv.Read())
        {
            records.Add(csv.Parser.Record!);
        }
        // the status of this download's own group: a page can have several tables, each with its downloads
        var group = page.Locator(".gon-export").Filter(new() { Has = page.Locator($"#{exportId}-csv") });
        await Assertions.Expect(group.GetByRole(AriaRole.Status))
            .ToContainTextAsync(records.Count - 1 == 1 ? "1 regel" : $"{records.Count - 1} regels");
        return records;
    }

    /// <summary>Downloads the workbook through the export button and opens it with ClosedXML.</summary>
    public static async Task<XLWorkbook> DownloadXlsxAsync(IPage page, string exportId, string fileName)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"#{exportId}-xlsx").ClickAsync());
        Assert.Matches($"^{fileName}\\.xlsx$", download.SuggestedFilename);
        await using var file = File.OpenRead((await download.PathAsync())!);
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy);
        copy.Position = 0;
        return new XLWorkbook(copy);
    }

    /// <summary>A sheet's rows below the header as text, as many columns as the header has.</summary>
    public static IReadOnlyList<string[]> Rows(IXLWorksheet sheet)
    {
        var width = sheet.Row(1).LastCellUsed()!.Address.ColumnNumber;
        var last = sheet.LastRowUsed()!.RowNumber();
        return Enumerable.Range(2, Math.Max(0, last - 1))
            .Select(r => Enumerable.Range(1, width).Select(c => sheet.Cell(r, c).GetFormattedString()).ToArray())
            .ToList();
    }

    public static string[] Header(IXLWorksheet sheet) =>
        Enumerable.Range(1, sheet.Row(1).LastCellUsed()!.Address.ColumnNumber).Select(c => sheet.Cell(1, c).GetString()).ToArray();

    /// <summary>"€ 1.234,56" or "€ -12,00" as a number; null for a dash or words.</summary>
    public static decimal? Money(string text)
    {
        var match = MoneyPattern().Match(text);
        return match.Success ? decimal.Parse(match.Groups[1].Value.Replace(".", "").Replace(',', '.'), CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The first Dutch number in a cell ("12,5 %", "3", "1.234,5 uur"); null when there is none.</summary>
    public static decimal? Number(string text)
    {
        var match = NumberPattern().Match(text);
        return match.Success ? decimal.Parse(match.Value.Replace(".", "").Replace(',', '.'), CultureInfo.InvariantCulture) : null;
    }

    /// <summary>"31-12-2027" (optionally with a time) as a moment; null for a dash.</summary>
    public static DateTime? Moment(string text)
    {
        var match = MomentPattern().Match(text);
        return match.Success ? DateTime.ParseExact(match.Value, match.Value.Length > 10 ? "dd-MM-yyyy HH:mm" : "dd-MM-yyyy", CultureInfo.InvariantCulture) : null;
    }

    /// <summary>A name or word: an empty cell or a dash counts as empty.</summary>
    public static string? Text(string text) => text is "" or "—" ? null : text;

    [GeneratedRegex(@"€\s?(-?[\d.]+,\d{2})")]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(@"-?\d{1,3}(\.\d{3})*(,\d+)?|-?\d+(,\d+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\d{2}-\d{2}-\d{4}( \d{2}:\d{2})?")]
    private static partial Regex MomentPattern();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}")]
    private static partial Regex Guid();
}
