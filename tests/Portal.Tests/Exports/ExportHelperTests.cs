using GonPortal.Portal.Exports;

namespace GonPortal.Portal.Tests.Exports;

/// <summary>The small helpers of the whole-set exports: names in file names and the shown rows as an export sequence.</summary>
public sealed class ExportHelperTests
{
    [Theory]
    [InlineData("Centrum, Oude Wijken", "centrum-oude-wijken")]
    [InlineData("Stadse Zorgcombinatie", "stadse-zorgcombinatie")]
    [InlineData("Zuidoost & Hoogkerk", "zuidoost-hoogkerk")]
    [InlineData("Coöperatie Één", "cooperatie-een")]
    [InlineData("  West  ", "west")]
    [InlineData("PGB-verrekening (definitief)", "pgb-verrekening-definitief")]
    [InlineData("", "")]
    public void A_name_becomes_a_lower_case_file_name_part(string name, string part) =>
        Assert.Equal(part, ExportFileName.Part(name));

    [Fact]
    public async Task The_shown_rows_come_out_in_the_order_shown()
    {
        var rows = new List<string>();
        await foreach (var row in ShownRows.Of(["b", "a", "c"]))
        {
            rows.Add(row);
        }
        Assert.Equal(["b", "a", "c"], rows);
    }

    [Fact]
    public async Task No_rows_yet_is_an_empty_file_not_a_failure()
    {
        var count = 0;
        await foreach (var _ in ShownRows.Of<int>(null))
        {
            count++;
        }
        Assert.Equal(0, count);
    }
}
