using GonPortal.Domain.Common;
using GonPortal.Domain.Providers;

namespace GonPortal.Domain.Tests;

public class ProviderTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    private static IReadOnlyList<string> FieldsOf(Action act) =>
        Assert.Throws<DomainValidationException>(act).Violations.Select(v => v.Field).ToList();

    [Fact]
    public void A_valid_provider_is_registered_with_trimmed_name()
    {
        var p = Provider.Register(Guid.NewGuid(), "  De Linde ", ProviderKind.Onderaannemer, "81234561", "", Now);
        Assert.Equal("De Linde", p.Name);
        Assert.Null(p.AgbCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1234567")]
    [InlineData("123456789")]
    [InlineData("1234567a")]
    [InlineData("１２３４５６７８")]
    public void Kvk_must_be_exactly_eight_ascii_digits(string kvk) =>
        Assert.Equal(["kvk_number"], FieldsOf(() => Provider.Register(Guid.NewGuid(), "Naam", ProviderKind.Onderaannemer, kvk, null, Now)));

    [Theory]
    [InlineData("1234")]
    [InlineData("abcdefgh")]
    public void Agb_when_given_must_be_eight_digits(string agb) =>
        Assert.Equal(["agb_code"], FieldsOf(() => Provider.Register(Guid.NewGuid(), "Naam", ProviderKind.Onderaannemer, "81234561", agb, Now)));

    [Fact]
    public void Name_and_kind_are_required() =>
        Assert.Equal(["name", "kind"], FieldsOf(() => Provider.Register(Guid.NewGuid(), " ", null, "81234561", null, Now)));

    [Fact]
    public void Name_of_one_character_is_refused() =>
        Assert.Equal(["name"], FieldsOf(() => Provider.Register(Guid.NewGuid(), "X", ProviderKind.Hoofdaanbieder, "81234561", null, Now)));

    [Fact]
    public void An_update_changes_name_kvk_and_agb_and_keeps_id_and_kind()
    {
        var p = Provider.Register(Guid.NewGuid(), "De Linde", ProviderKind.Onderaannemer, "81234561", "12345678", Now);
        var id = p.Id;
        p.Update("  Buurtwerk De Linde BV ", "81234562", "");
        Assert.Equal(("Buurtwerk De Linde BV", "81234562", (string?)null), (p.Name, p.KvkNumber, p.AgbCode));
        Assert.Equal((id, ProviderKind.Onderaannemer), (p.Id, p.Kind));
    }

    [Fact]
    public void A_bad_update_names_every_field_and_changes_nothing()
    {
        var p = Provider.Register(Guid.NewGuid(), "De Linde", ProviderKind.Onderaannemer, "81234561", null, Now);
        Assert.Equal(["name", "kvk_number", "agb_code"], FieldsOf(() => p.Update("X", "123", "abc")));
        Assert.Equal(("De Linde", "81234561", (string?)null), (p.Name, p.KvkNumber, p.AgbCode));
    }
}

public class AreaContractTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;
    private static readonly Provider Ha = Provider.Register(Guid.NewGuid(), "HA", ProviderKind.Hoofdaanbieder, "71234561", null, Now);
    private static readonly Provider Ha2 = Provider.Register(Guid.NewGuid(), "HA twee", ProviderKind.Hoofdaanbieder, "71234562", null, Now);
    private static readonly DateOnly Start = new(2027, 1, 1);
    private static readonly DateOnly End = new(2030, 12, 31);

    private static IReadOnlyList<string> FieldsOf(Action act) =>
        Assert.Throws<DomainValidationException>(act).Violations.Select(v => v.Field).ToList();

    [Fact]
    public void A_hoofdaanbieder_may_hold_two_areas()
    {
        var first = AreaContract.Create(Guid.NewGuid(), 1, Ha, Start, End, [], Now);
        var second = AreaContract.Create(Guid.NewGuid(), 2, Ha, Start, End, [first], Now);
        Assert.Equal(2, second.AreaId);
    }

    [Fact]
    public void A_third_area_in_an_overlapping_period_is_refused()
    {
        var first = AreaContract.Create(Guid.NewGuid(), 1, Ha, Start, End, [], Now);
        var second = AreaContract.Create(Guid.NewGuid(), 2, Ha, Start, End, [first], Now);
        Assert.Equal(["hoofdaanbieder_id"], FieldsOf(() => AreaContract.Create(Guid.NewGuid(), 3, Ha, new DateOnly(2030, 1, 1), new DateOnly(2034, 12, 31), [first, second], Now)));
    }

    [Fact]
    public void A_third_area_after_the_period_is_allowed()
    {
        var first = AreaContract.Create(Guid.NewGuid(), 1, Ha, Start, End, [], Now);
        var second = AreaContract.Create(Guid.NewGuid(), 2, Ha, Start, End, [first], Now);
        var third = AreaContract.Create(Guid.NewGuid(), 3, Ha, new DateOnly(2031, 1, 1), new DateOnly(2034, 12, 31), [first, second], Now);
        Assert.Equal(3, third.AreaId);
    }

    [Fact]
    public void An_area_has_one_hoofdaanbieder_per_period()
    {
        var first = AreaContract.Create(Guid.NewGuid(), 1, Ha, Start, End, [], Now);
        Assert.Equal(["period_start"], FieldsOf(() => AreaContract.Create(Guid.NewGuid(), 1, Ha2, new DateOnly(2030, 7, 1), End.AddYears(4), [first], Now)));
    }

    [Fact]
    public void A_period_starts_on_the_first_of_a_month() =>
        Assert.Equal(["period_start"], FieldsOf(() => AreaContract.Create(Guid.NewGuid(), 1, Ha, new DateOnly(2027, 7, 15), End, [], Now)));

    [Fact]
    public void The_area_may_change_hands_on_the_first_of_a_month_within_a_year()
    {
        var first = AreaContract.Create(Guid.NewGuid(), 1, Ha, Start, new DateOnly(2027, 6, 30), [], Now);
        var next = AreaContract.Create(Guid.NewGuid(), 1, Ha2, new DateOnly(2027, 7, 1), End, [first], Now);
        Assert.Equal((Ha2.Id, new DateOnly(2027, 7, 1)), (next.HoofdaanbiederId, next.PeriodStart));
        Assert.Equal(["period_start"], FieldsOf(() => AreaContract.Create(Guid.NewGuid(), 1, Ha2, new DateOnly(2027, 6, 1), End, [first], Now)));
    }

    [Fact]
    public void The_next_period_of_an_area_may_go_to_another_hoofdaanbieder()
    {
        var first = AreaContract.Create(Guid.NewGuid(), 1, Ha, Start, End, [], Now);
        var next = AreaContract.Create(Guid.NewGuid(), 1, Ha2, End.AddDays(1), End.AddYears(4), [first], Now);
        Assert.Equal(Ha2.Id, next.HoofdaanbiederId);
    }

    [Fact]
    public void An_onderaannemer_cannot_hold_an_area()
    {
        var oa = Provider.Register(Guid.NewGuid(), "OA", ProviderKind.Onderaannemer, "81234561", null, Now);
        Assert.Equal(["hoofdaanbieder_id"], FieldsOf(() => AreaContract.Create(Guid.NewGuid(), 1, oa, Start, End, [], Now)));
    }

    [Fact]
    public void Everything_missing_is_reported_together() =>
        Assert.Equal(["area_id", "hoofdaanbieder_id", "period_start", "period_end"], FieldsOf(() => AreaContract.Create(Guid.NewGuid(), 9, null, null, null, [], Now)));

    [Fact]
    public void Period_end_before_start_is_refused() =>
        Assert.Equal(["period_end"], FieldsOf(() => AreaContract.Create(Guid.NewGuid(), 1, Ha, new DateOnly(2030, 12, 1), Start, [], Now)));
}

public class DateRangeTests
{
    [Theory]
    [InlineData("2027-01-01", "2027-12-31", "2027-12-31", "2028-05-01", true)]
    [InlineData("2027-01-01", "2027-12-31", "2028-01-01", "2028-05-01", false)]
    [InlineData("2027-01-01", null, "2090-01-01", "2090-01-02", true)]
    [InlineData("2027-06-01", "2027-06-30", "2027-01-01", null, true)]
    public void Overlap_counts_both_ends(string s1, string? e1, string s2, string? e2, bool expected)
    {
        var a = new DateRange(DateOnly.Parse(s1), e1 is null ? null : DateOnly.Parse(e1));
        var b = new DateRange(DateOnly.Parse(s2), e2 is null ? null : DateOnly.Parse(e2));
        Assert.Equal(expected, a.Overlaps(b));
        Assert.Equal(expected, b.Overlaps(a));
    }

    [Fact]
    public void Open_ended_range_contains_far_future() =>
        Assert.True(new DateRange(new DateOnly(2027, 1, 1), null).Contains(new DateOnly(2099, 1, 1)));
}

public class ReferenceTests
{
    [Fact]
    public void The_four_areas_carry_the_policy_names() =>
        Assert.Equal(["Centrum, Oude Wijken", "West", "Oost en Ten Boer", "Zuid en Haren"], Reference.Areas.All.Select(a => a.Name));

    [Theory]
    [InlineData(Reference.Product.Begeleiding, "02")]
    [InlineData(Reference.Product.Dagbesteding, "07")]
    [InlineData(Reference.Product.KortdurendVerblijf, "04")]
    public void Products_carry_their_iwmo_codes(Reference.Product product, string code) =>
        Assert.Equal(code, Reference.Products.All.Single(p => p.Product == product).IwmoCode);
}
