using System.Net;
using System.Text.Json;
using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Hours;
using GonPortal.Server.Tests.Infrastructure;
using static GonPortal.Server.Tests.AccessMatrix.AccessProcessScenario;

namespace GonPortal.Server.Tests.Rest;

/// <summary>
/// The REST/JSON surface (gRPC JSON transcoding under /api/v1) over plain HTTP with a bearer token: the same services,
/// tenancy and error model as gRPC, errors as problem details carrying the field violations.
/// </summary>
public abstract class RestTests(GonHosts hosts) : IDisposable
{
    private readonly Scenario _s = new(hosts);
    private readonly RestCalls _rest = new(hosts);

    private static string ClientJson(string bsn, string surname) => $$"""
        {
          "requestId": "rest-{{Guid.NewGuid():N}}",
          "areaId": 1,
          "bsn": "{{bsn}}",
          "givenNames": "Grietje",
          "initials": "G.",
          "surname": "{{surname}}",
          "dateOfBirth": "1948-02-29",
          "postcode": "9711 AB"
        }
        """;

    [Fact]
    public async Task A_hoofdaanbieder_registers_and_lists_its_clients()
    {
        hosts.RequireAvailable();
        var bsn = NewBsn();
        var surname = $"Rest{Scenario.Next()}";
        var created = await _rest.Json(await _rest.Post("/api/v1/clients", Callers.HaStadse, ClientJson(bsn, surname)), 200);
        var id = created.GetProperty("client").GetProperty("id").GetString()!;
        Assert.Equal("9711AB", created.GetProperty("client").GetProperty("postcode").GetString());
        Assert.Equal("1948-02-29", created.GetProperty("client").GetProperty("dateOfBirth").GetString());

        using var listResponse = await _rest.Get($"/api/v1/clients?query={surname}&pageSize=10", Callers.HaStadse);
        Assert.Equal("1.0.0", listResponse.Headers.GetValues("API-Version").Single());
        var list = await _rest.Json(listResponse, 200);
        var listed = Assert.Single(list.GetProperty("clients").EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetString());
        Assert.Equal(bsn, listed.GetProperty("bsn").GetString());

        // Every client on a page is the caller's own: Stadse holds areas 1 and 2.
        var page = await _rest.Json(await _rest.Get("/api/v1/clients?page_size=50", Callers.HaStadse), 200);
        Assert.NotEmpty(page.GetProperty("clients").EnumerateArray());
        Assert.All(page.GetProperty("clients").EnumerateArray(), c => Assert.Contains(c.GetProperty("areaId").GetInt32(), new[] { 1, 2 }));

        var one = await _rest.Json(await _rest.Get($"/api/v1/clients/{id}", Callers.HaStadse), 200);
        Assert.Equal(surname, one.GetProperty("client").GetProperty("surname").GetString());

        // The same client through gRPC: one system behind both.
        var viaGrpc = await (await _s.Clients(Callers.HaStadse)).GetClientAsync(new() { ClientId = id });
        Assert.Equal(new Google.Type.Date { Year = 1948, Month = 2, Day = 29 }, viaGrpc.Client.DateOfBirth);
    }

    [Fact]
    public async Task An_onderaannemer_posts_hours_and_reads_them_back()
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await _s.ActiveExecutedBy(1);
        // The ECD learns product and unit names from the arrangement as REST shows it.
        var shown = await _rest.Json(await _rest.Get($"/api/v1/arrangements/{arrangement.Id}", Callers.OaDeLinde), 200);
        var product = shown.GetProperty("arrangement").GetProperty("product").GetString();
        Assert.StartsWith("PRODUCT_", product, StringComparison.Ordinal);
        var key = $"ecd-{Guid.NewGuid():N}";
        // The proto JSON object form of a date stays accepted beside ISO "2027-05-03" (RestDateTests).
        var body = $$"""
            { "entries": [ {
                "entryKey": "{{key}}", "arrangementId": "{{arrangement.Id}}",
                "serviceDate": { "year": 2027, "month": 5, "day": 3 },
                "product": "{{product}}", "unit": "UNIT_HOUR", "quantity": 75,
                "activityNote": "Ondersteuning bij de post"
            } ] }
            """;
        var created = await _rest.Json(await _rest.Post("/api/v1/hour-entries", Callers.OaDeLinde, body), 200);
        Assert.Equal(1, created.GetProperty("createdCount").GetInt32());
        var entry = Assert.Single(created.GetProperty("hourEntries").EnumerateArray());
        var entryId = entry.GetProperty("id").GetString()!;
        Assert.Equal("HOUR_ENTRY_STATUS_SUBMITTED", entry.GetProperty("status").GetString());

        // Posting the same key again stores nothing new (idempotent as over gRPC).
        var again = await _rest.Json(await _rest.Post("/api/v1/hour-entries", Callers.OaDeLinde, body), 200);
        Assert.Equal(1, again.GetProperty("existingCount").GetInt32());

        var read = await _rest.Json(await _rest.Get($"/api/v1/hour-entries/{entryId}", Callers.OaDeLinde), 200);
        Assert.Equal(75, read.GetProperty("hourEntry").GetProperty("quantity").GetInt32());
        Assert.Equal("2027-05-03", read.GetProperty("hourEntry").GetProperty("serviceDate").GetString());
        var listed = await _rest.Json(await _rest.Get($"/api/v1/hour-entries?arrangementId={arrangement.Id}", Callers.OaDeLinde), 200);
        Assert.Equal(entryId, Assert.Single(listed.GetProperty("hourEntries").EnumerateArray()).GetProperty("id").GetString());

        // The hoofdaanbieder sees the same entry over gRPC.
        var stored = await (await _s.Hours(Callers.HaStadse)).All(arrangement.Id);
        Assert.Equal(key, Assert.Single(stored).EntryKey);
    }

    [Fact]
    public async Task Another_tenants_id_or_an_unknown_id_gives_404_problem_details()
    {
        hosts.RequireAvailable();
        var stadse = await _s.Client(Callers.HaStadse, 1);
        using var foreign = await _rest.Get($"/api/v1/clients/{stadse.Id}", Callers.HaOost);
        var problem = await _rest.Problem(foreign, 404, "CLIENT_NOT_FOUND");
        Assert.Equal($"/api/v1/clients/{stadse.Id}", problem.GetProperty("instance").GetString());
        Assert.DoesNotContain(stadse.Bsn, problem.GetRawText(), StringComparison.Ordinal);

        await _rest.Problem(await _rest.Get($"/api/v1/subcontracts/{Guid.NewGuid()}", Callers.HaStadse), 404, "SUBCONTRACT_NOT_FOUND");
        await _rest.Problem(await _rest.Get("/api/v1/no-such-resource", Callers.HaStadse), 404, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task A_bad_field_gives_400_with_the_violation_and_stores_nothing()
    {
        hosts.RequireAvailable();
        var surname = $"Ongeldig{Scenario.Next()}";
        using var response = await _rest.Post("/api/v1/clients", Callers.HaStadse, ClientJson("123456789", surname));
        var problem = await _rest.Problem(response, 400, "FIELD_VIOLATIONS");
        var violation = Assert.Single(problem.GetProperty("invalid-params").EnumerateArray(), p => p.GetProperty("name").GetString() == "bsn");
        Assert.Equal("INVALID_BSN", violation.GetProperty("code").GetString());
        Assert.Equal("Dit is geen geldig BSN.", violation.GetProperty("reason").GetString());
        var none = await _rest.Json(await _rest.Get($"/api/v1/clients?query={surname}", Callers.HaStadse), 200);
        Assert.False(none.TryGetProperty("clients", out var clients) && clients.GetArrayLength() > 0);

        // A refused hour entry names its place in the batch.
        var (arrangement, _) = await _s.ActiveExecutedBy(1);
        var hours = $$"""
            { "entries": [ { "entryKey": "ecd-{{Guid.NewGuid():N}}", "arrangementId": "{{arrangement.Id}}",
              "serviceDate": { "year": 2026, "month": 1, "day": 5 }, "product": "PRODUCT_BEGELEIDING", "unit": "UNIT_HOUR", "quantity": 60 } ] }
            """;
        var refused = await _rest.Problem(await _rest.Post("/api/v1/hour-entries", Callers.OaDeLinde, hours), 400, "HOUR_ENTRIES_REJECTED");
        var rejection = Assert.Single(refused.GetProperty("invalid-params").EnumerateArray());
        Assert.StartsWith("entries[0]", rejection.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Empty(await (await _s.Hours(Callers.OaDeLinde)).All(arrangement.Id));
    }

    [Fact]
    public async Task Unreadable_json_gives_400_problem_details()
    {
        hosts.RequireAvailable();
        using var response = await _rest.Post("/api/v1/clients", Callers.HaStadse, "{ \"areaId\": \"een\", ");
        await _rest.Problem(response, 400, "MALFORMED_MESSAGE");
    }

    [Fact]
    public async Task No_token_gives_401_and_a_role_that_may_not_act_gives_403()
    {
        hosts.RequireAvailable();
        using var anonymous = await _rest.Get("/api/v1/clients", Callers.Anonymous);
        await _rest.Problem(anonymous, 401, "UNAUTHENTICATED");
        Assert.Contains(anonymous.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");

        using var wij = await _rest.Post("/api/v1/hour-entries", Callers.Wij, """{ "entries": [] }""");
        await _rest.Problem(wij, 403, "ROLE_NOT_ALLOWED");
    }

    [Fact]
    public async Task Subcontracts_and_statements_are_listed_for_the_onderaannemer()
    {
        hosts.RequireAvailable();
        var (_, subcontract) = await _s.ActiveExecutedBy(1);
        var list = await _rest.Json(await _rest.Get("/api/v1/subcontracts?pageSize=200", Callers.OaDeLinde), 200);
        Assert.Contains(list.GetProperty("subcontracts").EnumerateArray(), s => s.GetProperty("id").GetString() == subcontract.Id);
        var one = await _rest.Json(await _rest.Get($"/api/v1/subcontracts/{subcontract.Id}", Callers.OaDeLinde), 200);
        Assert.Equal("SUBCONTRACT_STATE_CONSENTED", one.GetProperty("subcontract").GetProperty("state").GetString());
        await _rest.Problem(await _rest.Get($"/api/v1/subcontracts/{subcontract.Id}", Callers.OaAtelier), 404, "SUBCONTRACT_NOT_FOUND");

        using var statements = await _rest.Get("/api/v1/statements?year=2027", Callers.OaDeLinde);
        Assert.Equal(HttpStatusCode.OK, statements.StatusCode);
        await _rest.Problem(await _rest.Get("/api/v1/statements", Callers.Wij), 403, "ROLE_NOT_ALLOWED");
    }

    [Fact]
    public async Task Rest_reads_are_audited_like_grpc_and_the_gemeente_purpose_is_recorded()
    {
        hosts.RequireAvailable();
        var client = await _s.Client(Callers.HaStadse, 1);
        await _rest.Json(await _rest.Get($"/api/v1/clients/{client.Id}", Callers.HaStadse), 200);
        const string purpose = "Klacht over de zorg onderzoeken";
        await _rest.Json(await _rest.Send(HttpMethod.Get, $"/api/v1/clients/{client.Id}", Callers.Gemeente, purpose: purpose), 200);

        var audit = new AuditService.AuditServiceClient(await hosts.InvokerFor(Callers.HaStadse));
        var report = (await audit.ListClientAccessAsync(new() { ClientId = client.Id, PageSize = 500 })).Entries;
        Assert.Contains(report, e => e.ActorRole == Role.Hoofdaanbieder && e.Access == "read" && e.Method.EndsWith("/GetClient", StringComparison.Ordinal));
        Assert.Contains(report, e => e.ActorRole == Role.Gemeente && e.Access == "read" && e.Purpose == purpose);
    }

    public void Dispose()
    {
        _rest.Dispose();
        GC.SuppressFinalize(this);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRestTests(SqliteHosts hosts) : RestTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRestTests(PostgresHosts hosts) : RestTests(hosts);
