using System.Text;
using GonPortal.Domain.Budgets;

namespace GonPortal.Domain.Tests.Budgets;

public class PgbCsvParserTests
{
    private static readonly DateOnly Today = new(2028, 1, 15);

    private static PgbCsvFile Parse(PgbCsvKind kind, string text) => PgbCsvParser.Parse(kind, Encoding.UTF8.GetBytes(text), Today);

    [Fact]
    public void Monthly_counts_are_read_with_a_comma_separator()
    {
        var file = Parse(PgbCsvKind.MonthlyCounts, "area_id,year,month,client_count\n1,2027,1,412\n2,2027,12,80\n");
        Assert.True(file.IsValid);
        Assert.Equal(2, file.RowCount);
        Assert.Equal([new PgbCountRow(2, 1, 2027, 1, 412), new PgbCountRow(3, 2, 2027, 12, 80)], file.Counts);
    }

    [Fact]
    public void The_header_decides_a_semicolon_separator()
    {
        var file = Parse(PgbCsvKind.AverageCosts, "area_id;year;average_cost_cents\r\n3;2027;1850000\r\n");
        Assert.True(file.IsValid);
        Assert.Equal([new PgbCostRow(2, 3, 2027, 1_850_000)], file.Costs);
    }

    [Fact]
    public void A_utf8_bom_is_allowed()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("area_id,year,average_cost_cents\n1,2027,100\n")).ToArray();
        var file = PgbCsvParser.Parse(PgbCsvKind.AverageCosts, bytes, Today);
        Assert.True(file.IsValid);
        Assert.Single(file.Costs);
    }

    [Fact]
    public void Baselines_take_a_contract_id_and_a_date()
    {
        var id = Guid.NewGuid();
        var file = Parse(PgbCsvKind.Baselines, $"area_contract_id,reference_date,client_count\n{id},2027-01-01,300\n");
        Assert.True(file.IsValid);
        Assert.Equal([new PgbBaselineRow(2, id, new DateOnly(2027, 1, 1), 300)], file.Baselines);
    }

    [Fact]
    public void Header_names_are_case_insensitive_and_trimmed()
    {
        Assert.True(Parse(PgbCsvKind.AverageCosts, "Area_Id , YEAR,average_cost_cents\n1,2027,5\n").IsValid);
    }

    [Fact]
    public void A_wrong_header_is_an_error_on_line_1()
    {
        var file = Parse(PgbCsvKind.MonthlyCounts, "area,year,month,count\n1,2027,1,4\n");
        var error = Assert.Single(file.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("area_id,year,month,client_count", error.Message);
    }

    [Fact]
    public void The_header_of_another_kind_is_refused()
    {
        Assert.False(Parse(PgbCsvKind.MonthlyCounts, "area_id,year,average_cost_cents\n1,2027,5\n").IsValid);
    }

    [Fact]
    public void Every_invalid_row_is_listed_with_line_and_column()
    {
        var file = Parse(PgbCsvKind.MonthlyCounts, "area_id,year,month,client_count\n1,2027,13,4\n5,2027,1,4\n1,2027,2,-1\n1,2027,3,4\n1,2027,4,x\n");
        Assert.False(file.IsValid);
        Assert.Equal([(2, "month"), (3, "area_id"), (4, "client_count"), (6, "client_count")], file.Errors.Select(e => (e.Line, e.Column)));
        Assert.Equal("month 13 is not 1-12", file.Errors[0].Message);
        Assert.Empty(file.Counts); // all-or-nothing: no rows when any is invalid
        Assert.Equal(5, file.RowCount);
    }

    [Fact]
    public void A_row_with_too_few_fields_is_wrong_as_a_whole()
    {
        var error = Assert.Single(Parse(PgbCsvKind.MonthlyCounts, "area_id,year,month,client_count\n1,2027,3\n").Errors);
        Assert.Equal((2, ""), (error.Line, error.Column));
        Assert.Contains("expected 4", error.Message);
    }

    [Fact]
    public void A_month_that_has_not_ended_is_refused()
    {
        var file = Parse(PgbCsvKind.MonthlyCounts, "area_id,year,month,client_count\n1,2027,12,4\n1,2028,1,4\n");
        var error = Assert.Single(file.Errors);
        Assert.Equal((3, "month"), (error.Line, error.Column));
        Assert.Contains("has not ended", error.Message);
    }

    [Fact]
    public void Duplicate_keys_are_errors_naming_the_first_line()
    {
        var file = Parse(PgbCsvKind.MonthlyCounts, "area_id,year,month,client_count\n1,2027,1,4\n1,2027,2,4\n1,2027,1,5\n");
        var error = Assert.Single(file.Errors);
        Assert.Equal(4, error.Line);
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void Duplicate_baseline_contracts_are_errors()
    {
        var id = Guid.NewGuid();
        var file = Parse(PgbCsvKind.Baselines, $"area_contract_id,reference_date,client_count\n{id},2027-01-01,3\n{id},2027-01-01,3\n");
        Assert.Equal(3, Assert.Single(file.Errors).Line);
    }

    [Fact]
    public void Bad_baseline_fields_are_named()
    {
        var file = Parse(PgbCsvKind.Baselines, "area_contract_id,reference_date,client_count\nnot-a-guid,2027-02-30,-2\n");
        Assert.Equal(["area_contract_id", "reference_date", "client_count"], file.Errors.Select(e => e.Column));
    }

    [Fact]
    public void Numbers_with_thousands_separators_are_refused()
    {
        var error = Assert.Single(Parse(PgbCsvKind.AverageCosts, "area_id;year;average_cost_cents\n1;2027;1.850.000\n").Errors);
        Assert.Equal("average_cost_cents", error.Column);
    }

    [Fact]
    public void Blank_lines_are_no_rows()
    {
        var file = Parse(PgbCsvKind.AverageCosts, "area_id,year,average_cost_cents\n\n1,2027,5\n\n");
        Assert.True(file.IsValid);
        Assert.Equal(1, file.RowCount);
    }

    [Fact]
    public void A_header_without_rows_is_an_error()
    {
        Assert.Equal(1, Assert.Single(Parse(PgbCsvKind.AverageCosts, "area_id,year,average_cost_cents\n").Errors).Line);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        Assert.Contains("empty", Assert.Single(Parse(PgbCsvKind.AverageCosts, "").Errors).Message);
    }

    [Fact]
    public void Invalid_utf8_is_an_error()
    {
        var error = Assert.Single(PgbCsvParser.Parse(PgbCsvKind.AverageCosts, [0x61, 0xFF, 0xFE, 0x0A], Today).Errors);
        Assert.Contains("UTF-8", error.Message);
    }

    [Fact]
    public void A_file_over_1_MB_is_refused_before_parsing()
    {
        var error = Assert.Single(PgbCsvParser.Parse(PgbCsvKind.AverageCosts, new byte[PgbCsvText.MaxBytes + 1], Today).Errors);
        Assert.Contains("1 MB", error.Message);
    }

    [Fact]
    public void At_most_1000_errors_are_listed()
    {
        var text = "area_id,year,average_cost_cents\n" + string.Concat(Enumerable.Repeat("9,2027,5\n", 1500));
        var file = Parse(PgbCsvKind.AverageCosts, text);
        Assert.Equal(PgbCsvParser.MaxErrors, file.Errors.Count);
        Assert.Equal(1500, file.RowCount);
    }
    [Fact]
    public void Quoted_fields_are_unquoted()
    {
        var file = Parse(PgbCsvKind.AverageCosts, "\"area_id\";\"year\";\"average_cost_cents\"\r\n\"3\";\"2027\";\"1850000\"\r\n");
        Assert.True(file.IsValid);
        Assert.Equal([new PgbCostRow(2, 3, 2027, 1_850_000)], file.Costs);
    }

    [Fact]
    public void A_separator_inside_quotes_stays_in_its_field()
    {
        // "1;5" is one field (so the row has 3 fields, not 4) and is then no whole number
        var file = Parse(PgbCsvKind.AverageCosts, "area_id;year;average_cost_cents\n1;2027;\"1;5\"\n");
        var error = Assert.Single(file.Errors);
        Assert.Equal((2, "average_cost_cents"), (error.Line, error.Column));
        Assert.Contains("'1;5'", error.Message);
    }

    [Fact]
    public void A_comma_inside_quotes_does_not_decide_the_separator()
    {
        var file = Parse(PgbCsvKind.AverageCosts, "\"area_id,x\";year;average_cost_cents\n1;2027;5\n");
        Assert.Contains("area_id;year;average_cost_cents", Assert.Single(file.Errors).Message);
    }

    [Fact]
    public void A_bom_and_semicolons_as_dutch_excel_writes_them()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("area_id;year;month;client_count\r\n1;2027;1;412\r\n;;;\r\n")).ToArray();
        var file = PgbCsvParser.Parse(PgbCsvKind.MonthlyCounts, bytes, Today);
        Assert.True(file.IsValid);
        Assert.Equal([new PgbCountRow(2, 1, 2027, 1, 412)], file.Counts);
    }

    [Fact]
    public void A_quoted_line_break_keeps_later_line_numbers_true()
    {
        var file = Parse(PgbCsvKind.AverageCosts, "area_id,year,average_cost_cents\n\"1\nx\",2027,5\n\n9,2027,5\n");
        Assert.Equal([(2, "area_id"), (5, "area_id")], file.Errors.Select(e => (e.Line, e.Column)));
    }

    [Fact]
    public void Line_numbers_count_blank_lines()
    {
        var file = Parse(PgbCsvKind.AverageCosts, "area_id,year,average_cost_cents\n\n\n9,2027,5\n");
        Assert.Equal(4, Assert.Single(file.Errors).Line);
    }
}
