using System.Text.Json;
using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Hours;
using GonPortal.Server.Tests.Infrastructure;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using static GonPortal.Server.Tests.AccessMatrix.AccessProcessScenario;

namespace GonPortal.Server.Tests.Rest;

/// <summary>
/// Dates on the REST interface are ISO 8601 ("2027-03-01") while gRPC keeps google.type.Date: in answers (every Date field
/// the gRPC answer carries, nested and repeated ones too), in request bodies under the JSON or the proto name, in query
/// filters; a string that is not a date is refused with its field violation and stores nothing.
/// </summary>
public abstract class RestDateTests(GonHosts hosts) : IDisposable
{
    private readonly Scenario _s = new(hosts);
    private readonly RestCalls _rest = new(hosts);

    private static string Iso(Google.Type.Date d) => $"{d.Year:D4}-{d.Month:D2}-{d.Day:D2}";

    /// <summary>
    /// Every set Date in the gRPC message is, at the same place in the REST JSON, the ISO string of the same day; gives
    /// how many were compared. Walks the descriptors, so a Date field added later is checked too.
    /// </summary>
    private static int AssertSameDates(IMessage grpc, JsonElement rest, string path = "")
    {
        var compared = 0;
        foreach (var field in grpc.Descriptor.Fields.InFieldNumberOrder().Where(f => f.FieldType == FieldType.Message && !f.IsMap))
        {
            var value = field.Accessor.GetValue(grpc);
            var at = $"{path}.{field.JsonName}";
            if (field.IsRepeated)
            {
                var items = ((System.Collections.IList)value).Cast<IMessage>().ToList();
                if (items.Count == 0)
                {
                    continue;
                }
                var array = rest.GetProperty(field.JsonName);
                Assert.Equal(items.Count, array.GetArrayLength());
                for (var i = 0; i < items.Count; i++)
                {
                    compared += AssertSameDates(items[i], array[i], $"{at}[{i}]");
                }
            }
            else if (value is Google.Type.Date date)
            {
                Assert.True(rest.TryGetProperty(field.JsonName, out var shown), $"{at} missing in {rest}");
                Assert.True(shown.ValueKind == JsonValueKind.String, $"{at} is {shown} instead of an ISO date");
                Assert.Equal(Iso(date), shown.GetString());
                compared++;
            }
            else if (value is IMessage nested && rest.TryGetProperty(field.JsonName, out var child) && child.ValueKind == JsonValueKind.Object)
            {
                compared += AssertSameDates(nested, child, at);
            }
        }
        return compared;
    }

    [Fact]
    public async Task An_arrangement_a_client_and_a_subcontract_show_every_date_as_the_grpc_day_in_iso()
    {
        hosts.RequireAvailable();
        var (active, subcontract) = await _s.ActiveExecutedBy(1);
        var arrangements = await _s.Arrangements(Callers.HaStadse);
        // start, end and version 1's effective_from: top-level and nested, repeated dates
        var viaGrpc = (await arrangements.GetArrangementAsync(new() { ArrangementId = active.Id })).Arrangement;
        var viaRest = (await _rest.Json(await _rest.Get($"/api/v1/arrangements/{active.Id}", Callers.HaStadse), 200)).GetProperty("arrangement");
        Assert.True(AssertSameDates(viaGrpc, viaRest) >= 3, $"too few dates compared in {viaRest}");
        Assert.Equal("2027-03-01", viaRest.GetProperty("startDate").GetString());
        Assert.Equal("2027-03-01", viaRest.GetProperty("versions")[0].GetProperty("effectiveFrom").GetString());

        var client = await _s.Client(Callers.HaStadse, 1);
        var shownClient = (await _rest.Json(await _rest.Get($"/api/v1/clients/{client.Id}", Callers.HaStadse), 200)).GetProperty("client");
        Assert.Equal("1950-04-12", shownClient.GetProperty("dateOfBirth").GetString());
        Assert.Equal(1, AssertSameDates(client, shownClient));

        var shownSubcontract = (await _rest.Json(await _rest.Get($"/api/v1/subcontracts/{subcontract.Id}", Callers.OaDeLinde), 200)).GetProperty("subcontract");
        Assert.True(AssertSameDates(subcontract, shownSubcontract) >= 1, $"no date compared in {shownSubcontract}");

        // A list answer: each arrangement on the page, filtered by an ISO date in the query.
        var page = await _rest.Json(await _rest.Get($"/api/v1/arrangements?activeOn={Iso(viaGrpc.StartDate)}&pageSize=200", Callers.HaStadse), 200);
        var listed = Assert.Single(page.GetProperty("arrangements").EnumerateArray(), a => a.GetProperty("id").GetString() == active.Id);
        Assert.Equal(Iso(viaGrpc.StartDate), listed.GetProperty("startDate").GetString());
    }

    [Fact]
    public async Task A_client_posted_with_an_iso_date_of_birth_under_either_name_is_stored_as_that_day()
    {
        hosts.RequireAvailable();
        foreach (var name in new[] { "dateOfBirth", "date_of_birth" })
        {
            var body = $$"""
                { "requestId": "rest-{{Guid.NewGuid():N}}", "areaId": 1, "bsn": "{{NewBsn()}}", "givenNames": "Grietje",
                  "initials": "G.", "surname": "Iso{{Scenario.Next()}}", "{{name}}": "1948-02-29", "postcode": "9711 AB" }
                """;
            var created = await _rest.Json(await _rest.Post("/api/v1/clients", Callers.HaStadse, body), 200);
            Assert.Equal("1948-02-29", created.GetProperty("client").GetProperty("dateOfBirth").GetString());
            var id = created.GetProperty("client").GetProperty("id").GetString()!;
            var stored = await (await _s.Clients(Callers.HaStadse)).GetClientAsync(new() { ClientId = id });
            Assert.Equal(Scenario.Date(1948, 2, 29), stored.Client.DateOfBirth);
        }
    }

    [Fact]
    public async Task An_onderaannemer_posts_hours_with_an_iso_service_date_reads_it_back_and_filters_on_it()
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await _s.ActiveExecutedBy(1);
        var day = Iso(arrangement.StartDate);
        foreach (var name in new[] { "serviceDate", "service_date" })
        {
            var key = $"ecd-{Guid.NewGuid():N}";
            var body = $$"""
                { "entries": [ { "entryKey": "{{key}}", "arrangementId": "{{arrangement.Id}}", "{{name}}": "{{day}}",
                  "product": "{{arrangement.Product.ToJsonName()}}", "unit": "UNIT_HOUR", "quantity": 45 } ] }
                """;
            var created = await _rest.Json(await _rest.Post("/api/v1/hour-entries", Callers.OaDeLinde, body), 200);
            var entry = Assert.Single(created.GetProperty("hourEntries").EnumerateArray());
            Assert.Equal(day, entry.GetProperty("serviceDate").GetString());
            var id = entry.GetProperty("id").GetString()!;

            var read = await _rest.Json(await _rest.Get($"/api/v1/hour-entries/{id}", Callers.OaDeLinde), 200);
            Assert.Equal(day, read.GetProperty("hourEntry").GetProperty("serviceDate").GetString());
            var viaGrpc = await (await _s.Hours(Callers.OaDeLinde)).GetHourEntryAsync(new() { HourEntryId = id });
            Assert.Equal(arrangement.StartDate, viaGrpc.HourEntry.ServiceDate);
        }

        // Query filters take ISO dates under the JSON or the proto name; a day after the entries finds none.
        var from = await _rest.Json(await _rest.Get($"/api/v1/hour-entries?arrangementId={arrangement.Id}&serviceDateFrom={day}&service_date_to={day}", Callers.OaDeLinde), 200);
        Assert.Equal(2, from.GetProperty("hourEntries").GetArrayLength());
        var next = DateOnly.ParseExact(day, "yyyy-MM-dd").AddDays(1).ToString("yyyy-MM-dd");
        var later = await _rest.Json(await _rest.Get($"/api/v1/hour-entries?arrangementId={arrangement.Id}&serviceDateFrom={next}", Callers.OaDeLinde), 200);
        Assert.False(later.TryGetProperty("hourEntries", out var none) && none.GetArrayLength() > 0, $"{later}");
    }

    [Theory]
    [InlineData("31-02-2027")]
    [InlineData("1-3-2027")]
    [InlineData("2027-3-1")]
    [InlineData("2027-02-31")]
    [InlineData("2027-03-01T00:00:00Z")]
    public async Task A_date_that_is_not_yyyy_mm_dd_gives_400_with_the_violation_and_stores_nothing(string bad)
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await _s.ActiveExecutedBy(1);
        var body = $$"""
            { "entries": [
              { "entryKey": "ecd-{{Guid.NewGuid():N}}", "arrangementId": "{{arrangement.Id}}", "serviceDate": "{{Iso(arrangement.StartDate)}}",
                "product": "{{arrangement.Product.ToJsonName()}}", "unit": "UNIT_HOUR", "quantity": 30 },
              { "entryKey": "ecd-{{Guid.NewGuid():N}}", "arrangementId": "{{arrangement.Id}}", "serviceDate": "{{bad}}",
                "product": "{{arrangement.Product.ToJsonName()}}", "unit": "UNIT_HOUR", "quantity": 30 } ] }
            """;
        var problem = await _rest.Problem(await _rest.Post("/api/v1/hour-entries", Callers.OaDeLinde, body), 400, "FIELD_VIOLATIONS");
        var violation = Assert.Single(problem.GetProperty("invalid-params").EnumerateArray());
        Assert.Equal("entries[1].service_date", violation.GetProperty("name").GetString());
        Assert.Equal("INVALID_DATE", violation.GetProperty("code").GetString());
        Assert.Equal("Dit is geen geldige datum.", violation.GetProperty("reason").GetString());
        Assert.Empty(await (await _s.Hours(Callers.OaDeLinde)).All(arrangement.Id));

        var query = await _rest.Problem(await _rest.Get($"/api/v1/hour-entries?serviceDateTo={Uri.EscapeDataString(bad)}", Callers.OaDeLinde), 400, "FIELD_VIOLATIONS");
        Assert.Equal("service_date_to", Assert.Single(query.GetProperty("invalid-params").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Without_a_token_or_the_role_the_answer_is_401_or_403_whatever_the_dates()
    {
        hosts.RequireAvailable();
        // Without a token the answer is 401, whatever the dates: the conversion runs after authentication and authorization.
        using var anonymous = await _rest.Get("/api/v1/hour-entries?serviceDateTo=kapot", Callers.Anonymous);
        await _rest.Problem(anonymous, 401, "UNAUTHENTICATED");
        using var wij = await _rest.Post("/api/v1/hour-entries", Callers.Wij, """{ "entries": [ { "serviceDate": "kapot" } ] }""");
        await _rest.Problem(wij, 403, "ROLE_NOT_ALLOWED");
    }

    public void Dispose()
    {
        _rest.Dispose();
        GC.SuppressFinalize(this);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRestDateTests(SqliteHosts hosts) : RestDateTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRestDateTests(PostgresHosts hosts) : RestDateTests(hosts);

internal static class ProtoEnumJson
{
    /// <summary>The enum value's proto name, as REST JSON carries it (e.g. PRODUCT_BEGELEIDING).</summary>
    public static string ToJsonName(this Product product) =>
        typeof(Product).GetField(product.ToString())!.GetCustomAttributes(typeof(OriginalNameAttribute), false).Cast<OriginalNameAttribute>().Single().Name;
}
