using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GonPortal.Portal.Documents;

/// <summary>
/// Writes a document top to bottom on A4 pages: a title, facts (label and value), headings, paragraphs and tables that
/// continue on a new page with their header repeated. Every text drawn is also kept in <see cref="Lines"/>, which the
/// document ID is computed from. Layout only: the texts arrive formatted.
/// </summary>
public sealed class PdfLayout : IDisposable
{
    private const double Margin = 56; // about 2 cm
    private const double FooterHeight = 24;
    private const double CellPadding = 3;

    private readonly PdfDocument document = new();
    private readonly XFont title = new(DocumentFonts.Family, 15, XFontStyleEx.Bold);
    private readonly XFont heading = new(DocumentFonts.Family, 11.5, XFontStyleEx.Bold);
    private readonly XFont body = new(DocumentFonts.Family, 9);
    private readonly XFont strong = new(DocumentFonts.Family, 9, XFontStyleEx.Bold);
    private readonly XFont small = new(DocumentFonts.Family, 7.5);
    private readonly List<string> lines = [];
    private XGraphics? graphics;
    private double y;

    // Before any instance's fonts are made (the field initialisers run before an instance constructor's body).
    static PdfLayout() => DocumentFonts.Install();

    public PdfLayout() => NewPage();

    /// <summary>Every text drawn, in order (the page footers excepted).</summary>
    public IReadOnlyList<string> Lines => lines;

    private XGraphics Graphics => graphics!;

    private double Width => document.Pages[0].Width.Point - 2 * Margin;

    private double Bottom => document.Pages[0].Height.Point - Margin - FooterHeight;

    public void Title(string text)
    {
        Text(text, title, 0, Width, false);
        y += 4;
    }

    public void Heading(string text)
    {
        // A heading alone at the foot of a page belongs on the next one, with what follows it.
        Ensure(heading.Height * 1.4 + body.Height * 3);
        y += 8;
        Text(text, heading, 0, Width, false);
        y += 3;
    }

    public void Paragraph(string text, bool fine = false)
    {
        Text(text, fine ? small : body, 0, Width, false);
        y += 4;
    }

    /// <summary>Label and value pairs, labels in a narrow column.</summary>
    public void Facts(IEnumerable<(string Label, string Value)> facts)
    {
        var labelWidth = Width * 0.32;
        foreach (var (label, value) in facts)
        {
            var height = Math.Max(Wrap(label, strong, labelWidth).Count, Wrap(value, body, Width - labelWidth).Count) * LineHeight(body);
            Ensure(height);
            var top = y;
            Text(label, strong, 0, labelWidth - CellPadding, false);
            y = top;
            Text(value, body, labelWidth, Width - labelWidth, false);
            y = Math.Max(y, top + height) + 1.5;
        }

        y += 4;
    }

    /// <summary>A table; a row does not split over pages, and a page that continues the table repeats its header.</summary>
    public void Table(IReadOnlyList<PdfColumn> columns, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<string>? total = null)
    {
        var widths = columns.Select(c => c.Share / columns.Sum(x => x.Share) * Width).ToArray();
        Row(columns.Select(c => c.Header).ToList(), columns, widths, strong, line: true);
        foreach (var row in rows)
        {
            if (Ensure(RowHeight(row, widths, body)))
            {
                Row(columns.Select(c => c.Header).ToList(), columns, widths, strong, line: true);
            }

            Row(row, columns, widths, body, line: false);
        }

        if (total is not null)
        {
            Ensure(RowHeight(total, widths, strong) + 2);
            Graphics.DrawLine(XPens.Black, Margin, y, Margin + Width, y);
            y += 2;
            Row(total, columns, widths, strong, line: false);
        }

        y += 6;
    }

    /// <summary>
    /// The finished document: page numbers in the footer, the stamp's dates and title, and the document ID from the
    /// stamp and every line shown, so that the same revision always gives the same bytes.
    /// </summary>
    public byte[] Finish(DocumentStamp stamp, string footer)
    {
        graphics?.Dispose();
        graphics = null;
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var text = $"{footer} · {i + 1}/{count}";
            g.DrawString(text, small, XBrushes.Black, Margin, document.Pages[i].Height.Point - Margin, XStringFormats.TopLeft);
        }

        return DeterministicPdf.Save(document, stamp, stamp.DocumentId(lines));
    }

    public void Dispose()
    {
        graphics?.Dispose();
        document.Dispose();
    }

    private void Row(IReadOnlyList<string> cells, IReadOnlyList<PdfColumn> columns, double[] widths, XFont font, bool line)
    {
        var height = RowHeight(cells, widths, font);
        Ensure(height);
        var top = y;
        var x = 0d;
        for (var i = 0; i < columns.Count; i++)
        {
            y = top + CellPadding / 2;
            Text(i < cells.Count ? cells[i] : string.Empty, font, x + CellPadding, widths[i] - 2 * CellPadding, columns[i].Figures);
            x += widths[i];
        }

        y = top + height;
        if (line)
        {
            Graphics.DrawLine(XPens.Black, Margin, y, Margin + Width, y);
            y += 1;
        }
        else
        {
            Graphics.DrawLine(new XPen(XColors.LightGray, 0.5), Margin, y, Margin + Width, y);
        }
    }

    private double RowHeight(IReadOnlyList<string> cells, double[] widths, XFont font) =>
        cells.Select((c, i) => Wrap(c, font, widths[Math.Min(i, widths.Length - 1)] - 2 * CellPadding).Count).DefaultIfEmpty(1).Max() * LineHeight(font) + CellPadding;

    /// <summary>Draws wrapped text from the cursor down; returns nothing, moves the cursor.</summary>
    private void Text(string text, XFont font, double left, double width, bool right)
    {
        if (text.Length > 0)
        {
            lines.Add(text);
        }

        foreach (var part in Wrap(text, font, width))
        {
            Ensure(LineHeight(font));
            var x = Margin + left + (right ? width - Graphics.MeasureString(part, font).Width : 0);
            Graphics.DrawString(part, font, XBrushes.Black, x, y, XStringFormats.TopLeft);
            y += LineHeight(font);
        }
    }

    private static double LineHeight(XFont font) => font.Size * 1.3;

    /// <summary>Words on lines no wider than <paramref name="width"/>; a word longer than a line is cut.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var result = new List<string>();
        var current = string.Empty;
        foreach (var word in text.Split(' '))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (Graphics.MeasureString(candidate, font).Width <= width || current.Length == 0 && Fits(word, font, width))
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                result.Add(current);
            }

            current = word;
            while (!Fits(current, font, width) && current.Length > 1)
            {
                var cut = current.Length - 1;
                while (cut > 1 && !Fits(current[..cut], font, width))
                {
                    cut--;
                }

                result.Add(current[..cut]);
                current = current[cut..];
            }
        }

        result.Add(current);
        return result;
    }

    private bool Fits(string text, XFont font, double width) => Graphics.MeasureString(text, font).Width <= width;

    /// <summary>Starts a new page when <paramref name="height"/> does not fit on this one; true when it did.</summary>
    private bool Ensure(double height)
    {
        if (y + height <= Bottom)
        {
            return false;
        }

        NewPage();
        return true;
    }

    private void NewPage()
    {
        graphics?.Dispose();
        var page = document.AddPage();
        page.Size = PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        y = Margin;
    }
}
