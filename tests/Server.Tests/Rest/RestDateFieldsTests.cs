using System.Text.Json.Nodes;
using GonPortal.Contracts.V1;
using GonPortal.Domain.Common;
using GonPortal.Server.Rest;

namespace GonPortal.Server.Tests.Rest;

/// <summary>
/// The REST date adapter alone: which strings are ISO dates, and that only the proto's Date-typed fields (found from the
/// descriptors, nested, repeated, under either name) are converted, nothing else that merely looks like a date.
/// </summary>
public sealed class RestDateFieldsTests
{
    [Theory]
    [InlineData("2027-03-01", 2027, 3, 1)]
    [InlineData("2028-02-29", 2028, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    [InlineData("9999-12-31", 9999, 12, 31)]
    public void A_real_yyyy_mm_dd_date_parses(string text, int year, int month, int day)
    {
        Assert.True(IsoDate.TryParse(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("31-02-2027")]
    [InlineData("1-3-2027")]
    [InlineData("01-03-2027")]
    [InlineData("2027-3-1")]
    [InlineData("2027-02-29")]
    [InlineData("2027-02-31")]
    [InlineData("2027-13-01")]
    [InlineData("2027/03/01")]
    [InlineData("20270301")]
    [InlineData(" 2027-03-01")]
    [InlineData("2027-03-01 ")]
    [InlineData("2027-03-01T00:00:00")]
    [InlineData("")]
    [InlineData("morgen")]
    public void Anything_else_is_not_a_date(string text) => Assert.False(IsoDate.TryParse(text, out _));

    [Theory]
    [InlineData("""{"year":2027,"month":3,"day":1}""", "2027-03-01")]
    [InlineData("""{"year":2028,"month":12,"day":31}""", "2028-12-31")]
    [InlineData("""{"year":987,"month":1,"day":5}""", "0987-01-05")]
    [InlineData("""{"year":2027,"month":2,"day":30}""", null)]
    [InlineData("""{"year":2027,"month":0,"day":0}""", null)]
    [InlineData("""{"year":0,"month":3,"day":1}""", null)]
    [InlineData("""{"year":2027,"month":3}""", null)]
    public void A_date_object_formats_only_when_it_is_a_real_day(string json, string? expected) =>
        Assert.Equal(expected, IsoDate.Format(JsonNode.Parse(json)!.AsObject()));

    [Fact]
    public void Only_messages_that_can_carry_a_date_hold_one()
    {
        Assert.True(RestDateFields.HoldsDate(SupportArrangement.Descriptor));
        Assert.True(RestDateFields.HoldsDate(BatchCreateHourEntriesRequest.Descriptor));
        Assert.True(RestDateFields.HoldsDate(ListHourEntriesRequest.Descriptor));
        Assert.False(RestDateFields.HoldsDate(GetClientRequest.Descriptor));
        Assert.False(RestDateFields.HoldsDate(Google.Rpc.Status.Descriptor));
    }

    [Fact]
    public void An_answer_shows_top_level_nested_and_repeated_dates_in_iso_and_leaves_the_rest()
    {
        var json = JsonNode.Parse("""
            { "arrangement": {
                "id": "a", "startDate": {"year":2027,"month":3,"day":1}, "endDate": {"year":2027,"month":12,"day":31},
                "createdAt": "2027-02-01T10:00:00Z", "note": {"year":1,"month":1,"day":1},
                "versions": [
                  { "version": 1, "effectiveFrom": {"year":2027,"month":3,"day":1}, "effectiveTo": {"year":2027,"month":5,"day":31} },
                  { "version": 2, "effectiveFrom": {"year":2027,"month":6,"day":1} } ] } }
            """)!;
        RestDateFields.ToIso(json, GetArrangementResponse.Descriptor);

        var a = json["arrangement"]!;
        Assert.Equal("2027-03-01", (string?)a["startDate"]);
        Assert.Equal("2027-12-31", (string?)a["endDate"]);
        Assert.Equal("2027-05-31", (string?)a["versions"]![0]!["effectiveTo"]);
        Assert.Equal("2027-06-01", (string?)a["versions"]![1]!["effectiveFrom"]);
        Assert.Equal("2027-02-01T10:00:00Z", (string?)a["createdAt"]);
        // A field that is not Date-typed keeps its shape, even if it looks like one.
        Assert.IsType<JsonObject>(a["note"]);
        Assert.Equal(1, (int?)a["versions"]![0]!["version"]);
    }

    [Fact]
    public void A_request_takes_iso_strings_under_either_name_and_keeps_the_object_form()
    {
        var json = JsonNode.Parse("""
            { "entries": [
                { "entryKey": "2027-03-01", "serviceDate": "2027-03-01" },
                { "service_date": "2027-03-02" },
                { "serviceDate": {"year":2027,"month":3,"day":3} } ] }
            """)!;
        var violations = new List<FieldViolation>();
        var converted = RestDateFields.FromIso(json, BatchCreateHourEntriesRequest.Descriptor, "", violations);

        Assert.Empty(violations);
        Assert.Equal(2, converted);
        Assert.Equal(2027, (int?)json["entries"]![0]!["serviceDate"]!["year"]);
        Assert.Equal(1, (int?)json["entries"]![0]!["serviceDate"]!["day"]);
        Assert.Equal(2, (int?)json["entries"]![1]!["service_date"]!["day"]);
        Assert.Equal(3, (int?)json["entries"]![2]!["serviceDate"]!["day"]);
        Assert.Equal("2027-03-01", (string?)json["entries"]![0]!["entryKey"]);
    }

    [Fact]
    public void A_string_that_is_not_a_date_is_reported_at_its_proto_path()
    {
        var json = JsonNode.Parse("""{ "entries": [ { "serviceDate": "2027-03-01" }, { "serviceDate": "31-02-2027" } ] }""")!;
        var violations = new List<FieldViolation>();
        RestDateFields.FromIso(json, BatchCreateHourEntriesRequest.Descriptor, "", violations);

        var violation = Assert.Single(violations);
        Assert.Equal("entries[1].service_date", violation.Field);
        Assert.Equal("INVALID_DATE", GonPortal.Server.ErrorModel.FieldViolationReasons.Classify(violation.Description).Reason);
    }

    [Fact]
    public void A_body_that_is_one_field_reports_under_that_field()
    {
        var json = JsonNode.Parse("""{ "dateOfBirth": "1-3-1950" }""")!;
        var violations = new List<FieldViolation>();
        RestDateFields.FromIso(json, CreateClientRequest.Descriptor, "client", violations);
        Assert.Equal("client.date_of_birth", Assert.Single(violations).Field);
    }
}
