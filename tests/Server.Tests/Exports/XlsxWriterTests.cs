using ClosedXML.Excel;
using GonPortal.Exports;

namespace GonPortal.Server.Tests.Exports;

/// <summary>
/// The workbook writer zips each part straight into its output: it needs neither to read nor to seek it (a
/// write-only package), which is what keeps a large export's memory flat.
/// </summary>
public sealed class XlsxWriterTests
{
    private sealed record Row(string Name, DateOnly Date, long Cents, int Minutes);

    private static readonly IReadOnlyList<ExportColumn<Row>> Columns =
    [
        new("Naam", ExportKind.Text, r => r.Name),
        new("Datum", ExportKind.Date, r => r.Date),
        new("Bedrag", ExportKind.Money, r => r.Cents),
        new("Uren", ExportKind.Hours, r => r.Minutes),
    ];

    private static async IAsyncEnumerable<Row> Rows(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Yield();
            yield return new Row($"Cliënt {i}", new DateOnly(2027, 3, 1).AddDays(i), i * 12_345L, i * 15);
        }
    }

    /// <summary>Accepts writes only: no reading, seeking or length, like a response body.</summary>
    private sealed class WriteOnly(Stream inner) : Stream
    {
        public int Writes { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            inner.Write(buffer, offset, count);
        }
    }

    [Fact]
    public async Task A_workbook_is_written_to_a_stream_that_can_neither_read_nor_seek()
    {
        var bytes = new MemoryStream();
        var output = new WriteOnly(bytes);
        Assert.Equal(3_000, await XlsxTableExport.WriteAsync(output, "Regels", Columns, Rows(3_000)));
        Assert.True(output.Writes > 1, "the package is written as it goes, not in one piece at the end");

        using var workbook = new XLWorkbook(new MemoryStream(bytes.ToArray()));
        var sheet = workbook.Worksheet("Regels");
        Assert.Equal("Naam", sheet.Cell(1, 1).GetString());
        Assert.Equal("Cliënt 3000", sheet.Cell(3_001, 1).GetString());
        Assert.Equal(new DateTime(2027, 3, 2), sheet.Cell(2, 2).GetDateTime());
        Assert.Equal(123.45, sheet.Cell(2, 3).GetDouble(), 6);
        Assert.Equal(XlsxTableExport.MoneyFormat, sheet.Cell(2, 3).Style.NumberFormat.Format);
        Assert.Equal(0.25, sheet.Cell(2, 4).GetDouble(), 6);
        Assert.Equal(3_001, sheet.LastRowUsed()!.RowNumber());
    }
}
