using GonPortal.Contracts.V1;
using GonPortal.Portal.Hours;
using GonPortal.Portal.ServerApi;

namespace GonPortal.Portal.Tests.Hours;

/// <summary>The hour CSV is read by CsvHelper: quotes, either separator, a BOM, Dutch quantities, true line numbers.</summary>
public sealed class HourCsvTests
{
    private static readonly ArrangementView Begeleiding = new("a1", "c1", 1, "Stadse Zorg", ArrangementState.Active, SupportType.Basis,
        Product.Begeleiding, Unit.Hour, new DateOnly(2027, 1, 1), null, [], []);

    private static readonly ArrangementView Dagbesteding = Begeleiding with { Id = "a2", Product = Product.Dagbesteding, Unit = Unit.Dagdeel };

    private static readonly AssignmentView[] Assignments =
        [new(Begeleiding, "Jansen; Jan"), new(Dagbesteding, "Jansen; Jan"), new(Begeleiding with { Id = "a3", ClientId = "c2" }, "Piet \"de Zwijger\"")];

    private static Product? ProductOf(string text) => HourCsv.ProductOf(text, [(Product.Begeleiding, "Begeleiding"), (Product.Dagbesteding, "Dagbesteding")]);

    private static IReadOnlyList<CsvLine> Read(string content) => HourCsv.Read(content, Assignments, ProductOf);

    [Fact]
    public void A_quoted_name_and_note_may_hold_the_separator()
    {
        var line = Assert.Single(Read("k1;\"Jansen; Jan\";Begeleiding;05-01-2028;1,5;\"boodschappen; daarna koffie\""));
        Assert.Null(line.ReadError);
        Assert.Equal(("a1", 90, "boodschappen; daarna koffie"), (line.Draft!.ArrangementId, line.Draft.Quantity, line.Draft.ActivityNote));
    }

    [Fact]
    public void A_comma_file_with_a_quoted_dutch_decimal_is_read()
    {
        var lines = Read("sleutel,cliënt,product,datum,aantal,toelichting\r\nk1,\"Jansen; Jan\",Begeleiding,2028-01-05,\"1,5\",\"samen, buiten\"\r\nk2,\"Jansen; Jan\",Dagbesteding,05-01-2028,2,\r\n");
        Assert.Equal([90, 2], lines.Select(l => l.Draft!.Quantity));
        Assert.Equal("samen, buiten", lines[0].Draft!.ActivityNote);
        Assert.Equal([2, 3], lines.Select(l => l.LineNumber));
    }

    [Fact]
    public void A_bom_before_the_header_is_dropped_and_the_header_skipped()
    {
        var line = Assert.Single(Read("\uFEFFsleutel;cliënt;product;datum;aantal;toelichting\nk1;\"Jansen; Jan\";Begeleiding;05-01-2028;1:30;"));
        Assert.Equal((2, 90), (line.LineNumber, line.Draft!.Quantity));
    }

    [Fact]
    public void A_doubled_quote_inside_quotes_is_one_quote()
    {
        var line = Assert.Single(Read("k1;\"Piet \"\"de Zwijger\"\"\";Begeleiding;05-01-2028;2;"));
        Assert.Equal("a3", line.Draft!.ArrangementId);
    }

    [Fact]
    public void A_quoted_line_break_in_a_note_keeps_the_next_line_number_true()
    {
        var lines = Read("k1;\"Jansen; Jan\";Begeleiding;05-01-2028;1;\"regel een\nregel twee\"\nk2;\"Jansen; Jan\";Begeleiding;05-01-2028;1.5;");
        Assert.Equal("regel een\nregel twee", lines[0].Draft!.ActivityNote);
        Assert.Equal((3, "Csv.Uren"), (lines[1].LineNumber, lines[1].ReadError));
    }

    [Fact]
    public void A_quantity_with_a_point_or_a_thousands_point_is_refused_not_guessed()
    {
        var lines = Read("k1;\"Jansen; Jan\";Begeleiding;05-01-2028;1.5;\nk2;\"Jansen; Jan\";Begeleiding;05-01-2028;1.500;");
        Assert.All(lines, l => Assert.Equal("Csv.Uren", l.ReadError));
    }

    [Fact]
    public void Too_few_columns_and_open_template_lines_are_told_apart()
    {
        var lines = Read("k1;\"Jansen; Jan\";Begeleiding\nregel-2;\"Jansen; Jan\";Begeleiding;;;\n");
        var line = Assert.Single(lines);
        Assert.Equal((1, "Csv.TeWeinigKolommen"), (line.LineNumber, line.ReadError));
    }

    [Fact]
    public void The_template_quotes_names_and_reads_back_once_filled_in()
    {
        var template = HourCsv.Template(Assignments, new DateOnly(2028, 1, 5), p => p == Product.Begeleiding ? "Begeleiding" : "Dagbesteding");
        Assert.StartsWith(HourCsv.Header + "\r\n", template);
        Assert.Contains("\"Jansen; Jan\"", template);
        Assert.Contains("\"Piet \"\"de Zwijger\"\"\"", template);
        Assert.Empty(Read(template)); // every line left open

        var filled = template.Replace(";;;\r\n", ";05-01-2028;2;\r\n");
        var lines = Read(filled);
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.Null(l.ReadError));
    }
}
