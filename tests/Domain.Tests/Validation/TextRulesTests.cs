using GonPortal.Domain.Budgets;
using GonPortal.Domain.Clients;
using GonPortal.Domain.Validation;

namespace GonPortal.Domain.Tests.Validation;

/// <summary>Blank counts as empty; control characters never belong in text (line breaks and tabs only in free text).</summary>
public class TextRulesTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("   ", true)]
    [InlineData("\u00A0\u2003", true)]
    [InlineData("\u200B", true)]
    [InlineData("\uFEFF ", true)]
    [InlineData(" a ", false)]
    [InlineData("\0", false)]
    public void Blank_is_nothing_but_white_space_and_invisible_characters(string? value, bool blank) =>
        Assert.Equal(blank, Text.IsBlank(value));

    [Theory]
    [InlineData("Oosterstraat 12", false, false)]
    [InlineData("\0", false, true)]
    [InlineData("a\u0007", false, true)]
    [InlineData("a\u009F", false, true)]
    [InlineData("regel\nregel", false, true)]
    [InlineData("regel\nregel", true, false)]
    [InlineData("regel\r\n\tregel", true, false)]
    [InlineData("regel\n\0", true, true)]
    public void Control_characters_are_refused_except_line_breaks_and_tabs_in_free_text(string value, bool multiLine, bool refused) =>
        Assert.Equal(refused, Text.HasControlCharacters(value, multiLine));

    [Fact]
    public void A_required_field_of_invisible_characters_is_missing()
    {
        var v = new Violations();
        Text.Required(v, "surname", "\u200B \u00A0", 1, 100);
        Assert.Equal("is required", Assert.Single(v.Items).Description);
    }

    [Fact]
    public void Blank_contact_details_are_stored_as_empty()
    {
        var v = new Violations();
        var details = ContactDetails.Create(v, "contact_details", new ContactDetails("   ", " \u200B ", null, "\t", null, null, null, null));
        Assert.False(v.Any);
        Assert.True(details.IsEmpty);
    }

    [Fact]
    public void A_csv_file_with_a_nul_byte_is_refused_naming_its_line()
    {
        var text = PgbCsvText.Decode("area_id,year,month,client_count\n3,2027,1,4\0\n"u8, out var problem);
        Assert.Null(text);
        Assert.Contains("line 2", problem, StringComparison.Ordinal);
    }
}

