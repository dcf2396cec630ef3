using GonPortal.Contracts.V1;
using GonPortal.HostContracts;
using GonPortal.Server.Data;
using GonPortal.Server.Exports;
using GonPortal.Server.Tenancy;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static GonPortal.Server.Tests.Exports.ExportHttp;
using ServerAuditEntry = GonPortal.Server.Audit.AuditEntry;

namespace GonPortal.Server.Tests.Exports;

/// <summary>
/// <c>GET /api/v1/exports/audit-entries</c>: the gemeente's audit trail as ListAuditEntries gives it (same filter, order
/// and role), opened with CsvHelper and ClosedXML and compared cell by cell with the list; no other role may export it;
/// a bad filter is a 400 naming the field; an export of more than one chunk is the list's full paging in several orders.
/// </summary>
public abstract class AuditEntryExportTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);

    private async Task<AuditService.AuditServiceClient> Audit() => new(await hosts.InvokerFor(Callers.Gemeente));

    private async Task<List<AuditEntry>> Listed(string actorSubject, string orderBy = "")
    {
        var audit = await Audit();
        var entries = new List<AuditEntry>();
        var token = "";
        do
        {
            var page = await audit.ListAuditEntriesAsync(new() { ActorSubject = actorSubject, OrderBy = orderBy, PageSize = 500, PageToken = token });
            entries.AddRange(page.Entries);
            token = page.NextPageToken;
        }
        while (token != "");
        return entries;
    }

    /// <summary>Oost registers a client and reads it with a purpose; the subject of Oost's caller, found in the trail.</summary>
    private async Task<(string Subject, Client Client)> OostReadsAClient()
    {
        var oost = await _s.Clients(Callers.HaOost);
        var client = (await oost.CreateClientAsync(AccessProcessScenario.NewClient(3))).Client;
        await new ClientService.ClientServiceClient(await hosts.InvokerFor(Callers.HaOost, "Zorgplan opstellen"))
            .GetClientAsync(new() { ClientId = client.Id });
        var mine = (await (await Audit()).ListAuditEntriesAsync(new() { PageSize = 500 })).Entries.First(e => e.ClientId == client.Id);
        return (mine.ActorSubject, client);
    }

    [Fact]
    public async Task The_audit_csv_and_workbook_hold_what_the_list_shows_in_its_order_and_never_a_bsn()
    {
        hosts.RequireAvailable();
        var (subject, client) = await OostReadsAClient();
        var listed = await Listed(subject);
        Assert.Contains(listed, e => e.ClientId == client.Id && e.Purpose == "Zorgplan opstellen");

        var response = await GetAsync(hosts, Callers.Gemeente, $"/api/v1/exports/audit-entries?actor_subject={Uri.EscapeDataString(subject)}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(client.Bsn, text);
        var csv = await CsvAsync(response);
        Assert.Equal(listed.Select(e => e.Id), csv.Select(r => r["Auditregel-id"]));
        foreach (var (entry, row) in listed.Zip(csv))
        {
            Assert.Equal(DutchMoment(entry.OccurredAt), row["Moment"]);
            Assert.Equal(entry.ActorName == "" ? entry.ActorSubject : entry.ActorName, row["Wie"]);
            Assert.Equal(entry.ActorSubject, row["Gebruiker-id"]);
            Assert.Equal(entry.ActorOrganisationName, row["Organisatie"]);
            Assert.Equal(entry.ActorOrganisationId, row["Organisatie-id"]);
            Assert.Equal("Hoofdaanbieder", row["Rol"]);
            Assert.Equal(entry.Access switch { "read" => "Inzien", "write" => "Wijzigen", _ => "Beheer" }, row["Toegang"]);
            Assert.Equal(entry.Method, row["Handeling"]);
            Assert.Equal(entry.Resource, row["Gegevens"]);
            Assert.Equal(entry.Purpose, row["Doel"]);
            Assert.Equal(entry.ClientId, row["Cliënt-id"]);
        }
        Assert.Contains(csv, r => r["Cliënt-id"] == client.Id && r["Toegang"] == "Wijzigen" && r["Handeling"] == "/gon.v1.ClientService/CreateClient");

        var (headers, rows, workbook) = await XlsxAsync(await GetAsync(hosts, Callers.Gemeente,
            $"/api/v1/exports/audit-entries?format=xlsx&actorSubject={Uri.EscapeDataString(subject)}&order_by=occurred_at"));
        using (workbook)
        {
            Assert.Equal("Audittrail", workbook.Worksheet(1).Name);
            var ascending = await Listed(subject, "occurred_at");
            Assert.Equal(ascending.Select(e => e.Id), rows.Select(r => Cell(headers, r, "Auditregel-id").GetString()));
            foreach (var (entry, row) in ascending.Zip(rows))
            {
                Assert.Equal(DutchClock(entry.OccurredAt), Cell(headers, row, "Moment").GetDateTime(), TimeSpan.FromSeconds(1));
                Assert.Equal(entry.Purpose, Cell(headers, row, "Doel").GetString());
                Assert.Equal(entry.ClientId, Cell(headers, row, "Cliënt-id").GetString());
            }
        }
    }

    [Fact]
    public async Task Only_the_gemeente_may_export_the_audit_trail()
    {
        hosts.RequireAvailable();
        foreach (var caller in new[] { Callers.HaStadse, Callers.HaOost, Callers.OaDeLinde, Callers.Wij })
        {
            var (status, reason, _) = await ProblemAsync(await GetAsync(hosts, caller, "/api/v1/exports/audit-entries"));
            Assert.Equal((403, "ROLE_NOT_ALLOWED"), (status, reason));
        }
        Assert.Equal(401, (int)(await GetAsync(hosts, Callers.Anonymous, "/api/v1/exports/audit-entries")).StatusCode);
    }

    [Fact]
    public async Task A_bad_filter_is_a_400_naming_the_field()
    {
        hosts.RequireAvailable();
        var (status, reason, fields) = await ProblemAsync(await GetAsync(hosts, Callers.Gemeente,
            $"/api/v1/exports/audit-entries?actor_subject={new string('x', 201)}&order_by=client_id&page_token=abc"));
        Assert.Equal((400, "FIELD_VIOLATIONS"), (status, reason));
        Assert.Equal(["actor_subject", "order_by", "page_token"], fields.Order(StringComparer.Ordinal));
        (status, _, fields) = await ProblemAsync(await GetAsync(hosts, Callers.Gemeente, "/api/v1/exports/audit-entries?order_by=actor%20upward"));
        Assert.Equal(400, status);
        Assert.Equal(["order_by"], fields);
    }

    [Fact]
    public async Task A_multi_chunk_audit_export_equals_the_lists_full_paging_in_several_orders()
    {
        hosts.RequireAvailable();
        const int count = 1_200;
        Assert.True(count > ExportChunks.Size, "the export must span more than one chunk");
        var subject = $"export-test-{Guid.NewGuid():N}";
        await SeedAsync(subject, count);

        foreach (var orderBy in new[] { "", "occurred_at", "actor desc", "method", "resource desc", "purpose" })
        {
            var listed = (await Listed(subject, orderBy)).Select(e => e.Id).ToList();
            Assert.Equal(count, listed.Count);
            var query = $"/api/v1/exports/audit-entries?actor_subject={subject}" + (orderBy == "" ? "" : $"&order_by={Uri.EscapeDataString(orderBy)}");
            var exported = (await CsvAsync(await GetAsync(hosts, Callers.Gemeente, query))).Select(r => r["Auditregel-id"]).ToList();
            Assert.Equal(count, exported.Distinct().Count());
            Assert.Equal(listed, exported);
        }
    }

    /// <summary>
    /// Entries of one machine-like actor, appended the way the Server does (through SaveChanges, chained), with few
    /// distinct moments, names, methods, resources and purposes, so every order has long runs of equal keys.
    /// </summary>
    private async Task SeedAsync(string subject, int count)
    {
        await using var scope = hosts.ServerServices.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().ResolveSystem("test fixture");
        var db = scope.ServiceProvider.GetRequiredService<GonDbContext>();
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        for (var i = 0; i < count; i++)
        {
            db.AuditEntries.Add(new ServerAuditEntry
            {
                Id = Guid.NewGuid(),
                OccurredAt = start.AddSeconds(i % 7),
                ActorSubject = subject,
                ActorName = (i % 3) switch { 0 => null, 1 => "Koppeling Alfa", _ => "koppeling alfa" },
                ActorTenantId = Callers.Organisation(Callers.HaStadse).Id,
                ActorOrganisationName = "Stadse Zorgcombinatie",
                ActorRole = GonRoles.Hoofdaanbieder,
                Method = i % 2 == 0 ? "/gon.v1.ClientService/GetClient" : "/gon.v1.HourService/ListHourEntries",
                Resource = i % 5 == 0 ? "Client" : "Hour entries",
                Access = "read",
                Purpose = (i % 4) switch { 0 => null, 1 => "Zorgplan", 2 => "zorgplan", _ => "Declaratie" },
                ClientId = i % 2 == 0 ? Guid.NewGuid() : null,
            });
        }
        await db.SaveChangesAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAuditEntryExportTests(SqliteHosts hosts) : AuditEntryExportTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditEntryExportTests(PostgresHosts hosts) : AuditEntryExportTests(hosts);
