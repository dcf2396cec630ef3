using GonPortal.Exports;
using GonPortal.Portal.Exports;

namespace GonPortal.Portal.Tests.Exports;

/// <summary>
/// A 200,000-row CSV export keeps the live heap flat: rows are written as they arrive. The live heap is sampled after a
/// full collection every 25,000 rows; what the export still holds at 200,000 rows may not exceed what it held at 25,000
/// by more than a few MB (a growing export would hold ~40 MB more). The figures are in docs/benchmarks.md.
/// </summary>
[Collection(nameof(ExportMemoryTests))]
public sealed class ExportMemoryTests(ITestOutputHelper output)
{
    private const int RowCount = 200_000;

    private sealed record Row(int Number, string Name, DateOnly Date, long Cents, int Minutes, string Note);

    private static readonly IReadOnlyList<ExportColumn<Row>> Columns =
    [
        new("Nummer", ExportKind.Integer, r => r.Number),
        new("Naam", ExportKind.Text, r => r.Name),
        new("Datum", ExportKind.Date, r => r.Date),
        new("Bedrag", ExportKind.Money, r => r.Cents),
        new("Uren", ExportKind.Hours, r => r.Minutes),
        new("Toelichting", ExportKind.Text, r => r.Note),
    ];

    private static async IAsyncEnumerable<Row> Rows(List<long> samples)
    {
        for (var i = 1; i <= RowCount; i++)
        {
            if (i % 25_000 == 0)
            {
                samples.Add(GC.GetTotalMemory(forceFullCollection: true));
                await Task.Yield();
            }
            yield return new Row(i, $"Cliënt {i}", new DateOnly(2027, 1, 1).AddDays(i % 365), i * 137L, i % 600, $"Toelichting bij regel {i}; met puntkomma");
        }
    }

    [Fact]
    public async Task A_200000_row_csv_export_keeps_the_live_heap_flat()
    {
        var samples = new List<long>();
        var path = Path.GetTempFileName();
        try
        {
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
            Assert.Equal(RowCount, await CsvTableExport.WriteAsync(file, Columns, Rows(samples)));
            var growth = samples[^1] - samples[0];
            output.WriteLine($"csv: {file.Length / 1024 / 1024} MB file; live heap {samples[0] / 1024 / 1024} MB at 25,000 rows → {samples[^1] / 1024 / 1024} MB at 200,000 (growth {growth / 1024} KB)");
            Assert.True(growth < 4 * 1024 * 1024, $"the live heap grew by {growth / 1024} KB over 175,000 rows");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_200000_row_workbook_is_written_and_its_memory_is_measured_not_promised()
    {
        // ClosedXML holds the workbook in memory until it saves: this measures how much, for docs/benchmarks.md, and
        // checks the file is complete. It does not claim the memory stays flat.
        var samples = new List<long>();
        var path = Path.GetTempFileName();
        try
        {
            await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
            Assert.Equal(RowCount, await XlsxTableExport.WriteAsync(file, "Regels", Columns, Rows(samples)));
            output.WriteLine($"xlsx: {file.Length / 1024 / 1024} MB file; live heap {samples[0] / 1024 / 1024} MB at 25,000 rows → {samples[^1] / 1024 / 1024} MB at 200,000");
            Assert.True(file.Length > 1024 * 1024);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>The heap is measured with no other test running in the process (other tests' objects would count too).</summary>
[CollectionDefinition(nameof(ExportMemoryTests), DisableParallelization = true)]
public sealed class ExportMemoryCollection;
