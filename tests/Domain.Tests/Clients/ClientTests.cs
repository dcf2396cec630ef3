using GonPortal.Domain.Clients;
using GonPortal.Domain.Common;
using GonPortal.Domain.Validation;

namespace GonPortal.Domain.Tests.Clients;

public class ClientTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Wij = Guid.NewGuid();
    private static readonly ProtectedBsn Protected = new([1, 2, 3], [4, 5, 6]);

    private static ClientRegistration Registration() => new(1, "111222333", "Jan Willem", "J.W.", "van der", "Berg",
        new DateOnly(1960, 5, 1), "9711 ab", new ContactDetails("050-1234567", "jan@example.nl", "Oosterstraat", "12", "a", "Groningen", null, null),
        Owner, true, Today);

    private static IReadOnlyList<string> FieldsOf(ClientRegistration r) =>
        Assert.Throws<DomainValidationException>(() => Client.Register(Guid.NewGuid(), r, Protected, "u", Owner, false, Now)).Violations.Select(v => v.Field).ToList();

    [Fact]
    public void Registration_stores_normalised_fields_and_the_protected_bsn_only()
    {
        var c = Client.Register(Guid.NewGuid(), Registration(), Protected, "user", Owner, false, Now);
        Assert.Equal(Owner, c.TenantId);
        Assert.Equal("9711AB", c.Postcode);
        Assert.Equal("J.W. van der Berg", c.DisplayName);
        Assert.Equal(Protected.Cipher, c.BsnCipher);
        Assert.Equal(Protected.LookupHash, c.BsnHash);
        Assert.Empty(c.WijOrganisationIds);
        Assert.Equal("user", c.CreatedBy);
    }

    [Fact]
    public void Registration_by_wij_makes_wij_a_party()
    {
        var c = Client.Register(Guid.NewGuid(), Registration(), Protected, "wij-user", Wij, true, Now);
        Assert.Equal([Wij], c.WijOrganisationIds);
        Assert.Equal(Owner, c.TenantId);
        Assert.Equal(Wij, c.CreatedByOrganisationId);
    }

    [Fact]
    public void Adding_a_wij_organisation_twice_changes_nothing()
    {
        var c = Client.Register(Guid.NewGuid(), Registration(), Protected, "u", Owner, false, Now);
        Assert.True(c.AddWijOrganisation(Wij));
        Assert.False(c.AddWijOrganisation(Wij));
        Assert.Single(c.WijOrganisationIds);
    }

    [Fact]
    public void An_invalid_bsn_is_named_without_echoing_it()
    {
        var e = Assert.Throws<DomainValidationException>(() => Client.Validate(Registration() with { Bsn = "123456789" }));
        Assert.Equal("bsn", Assert.Single(e.Violations).Field);
        Assert.DoesNotContain("123456789", e.Message);
    }

    [Fact]
    public void A_missing_bsn_is_required() => Assert.Equal(["bsn"], FieldsOf(Registration() with { Bsn = "" }));

    [Fact]
    public void Given_names_or_initials_is_required() =>
        Assert.Equal(["given_names"], FieldsOf(Registration() with { GivenNames = " ", Initials = null }));

    [Fact]
    public void Initials_alone_are_enough()
    {
        var c = Client.Register(Guid.NewGuid(), Registration() with { GivenNames = null }, Protected, "u", Owner, false, Now);
        Assert.Equal("J.W. van der Berg", c.DisplayName);
    }

    [Fact]
    public void Given_names_are_shown_when_there_are_no_initials() =>
        Assert.Equal("Jan Willem Berg", Client.BuildDisplayName("Jan Willem", null, null, "Berg"));

    [Fact]
    public void Surname_is_required() => Assert.Equal(["surname"], FieldsOf(Registration() with { Surname = "" }));

    [Fact]
    public void Date_of_birth_in_the_future_is_refused() =>
        Assert.Equal(["date_of_birth"], FieldsOf(Registration() with { DateOfBirth = Today.AddDays(1) }));

    [Fact]
    public void Date_of_birth_is_required() => Assert.Equal(["date_of_birth"], FieldsOf(Registration() with { DateOfBirth = null }));

    [Fact]
    public void A_postcode_must_be_dutch() => Assert.Equal(["postcode"], FieldsOf(Registration() with { Postcode = "12345" }));

    [Fact]
    public void Area_must_exist() => Assert.Equal(["area_id"], FieldsOf(Registration() with { AreaId = 5 }));

    [Fact]
    public void A_hoofdaanbieder_must_hold_the_area() =>
        Assert.Equal(["area_id"], FieldsOf(Registration() with { CallerHoldsArea = false }));

    [Fact]
    public void Contact_details_are_checked_field_by_field()
    {
        var bad = new ContactDetails("bel me", "geen-mail", new string('s', 101), null, null, null, null, "06-x");
        Assert.Equal(["contact_details.phone_number", "contact_details.contact_person_phone_number", "contact_details.email", "contact_details.street"],
            FieldsOf(Registration() with { ContactDetails = bad }));
    }

    [Fact]
    public void Every_bad_field_is_named_at_once() =>
        Assert.Equal(["area_id", "bsn", "given_names", "surname", "date_of_birth", "postcode"],
            FieldsOf(new ClientRegistration(0, "1", null, null, null, null, null, null, null, Owner, true, Today)));

    [Fact]
    public void Validate_into_existing_violations_skips_fields_already_named()
    {
        var v = new Violations().Add("date_of_birth", "is not a valid calendar date");
        Client.Validate(v, Registration() with { DateOfBirth = null, Surname = "" });
        Assert.Equal(["date_of_birth", "surname"], v.Items.Select(i => i.Field));
    }

    [Fact]
    public void Changing_contact_details_replaces_them_completely()
    {
        var c = Client.Register(Guid.NewGuid(), Registration(), Protected, "u", Owner, false, Now);
        c.ChangeContactDetails(ContactDetails.Empty with { Email = " nieuw@example.nl " }, "other", Now.AddDays(1));
        Assert.Equal("nieuw@example.nl", c.ContactDetails.Email);
        Assert.Null(c.ContactDetails.PhoneNumber);
        Assert.Equal("other", c.UpdatedBy);
        Assert.Equal(Now.AddDays(1), c.UpdatedAt);
    }

    [Fact]
    public void Invalid_contact_details_change_nothing()
    {
        var c = Client.Register(Guid.NewGuid(), Registration(), Protected, "u", Owner, false, Now);
        Assert.Throws<DomainValidationException>(() => c.ChangeContactDetails(ContactDetails.Empty with { Email = "x" }, "other", Now));
        Assert.Equal("jan@example.nl", c.ContactDetails.Email);
        Assert.Null(c.UpdatedAt);
    }

    [Theory]
    [InlineData("Émile", "emile")]
    [InlineData("ÇELIK", "celik")]
    [InlineData(" Ångström ", "angstrom")]
    public void Folding_removes_case_and_accents(string input, string expected) => Assert.Equal(expected, Client.Fold(input));

    [Fact]
    public void Search_text_holds_the_start_of_every_name()
    {
        var c = Client.Register(Guid.NewGuid(), Registration() with { Surname = "Bérg" }, Protected, "u", Owner, false, Now);
        Assert.Contains("|berg", c.SearchText);
        Assert.Contains("|van der berg", c.SearchText);
        Assert.Contains("|jan", c.SearchText);
        Assert.Contains("|willem", c.SearchText);
        Assert.DoesNotContain("|erg", c.SearchText);
    }
}
