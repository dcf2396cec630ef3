using System.Globalization;
using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Hours;
using GonPortal.Server.Tests.Infrastructure;
using static GonPortal.Server.Tests.AccessMatrix.Scenario;
using static GonPortal.Server.Tests.Exports.ExportHttp;

namespace GonPortal.Server.Tests.Exports;

/// <summary>
/// Table exports for systems over plain HTTP with a bearer token: each file is opened with CsvHelper or ClosedXML and
/// its cells compared with what the list RPC answers the same caller; tenancy, the gemeente's audited read, the
/// BSN an onderaannemer never gets, and the problem details of a bad request.
/// </summary>
public abstract class TableExportTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);

    /// <summary>Two clients of Oost with one surname no other test uses, so a query finds exactly them.</summary>
    private async Task<(string Surname, List<Client> Listed)> TwoClientsOfOost()
    {
        var surname = $"Uitvoer{Guid.NewGuid():N}";
        var oost = await _s.Clients(Callers.HaOost);
        foreach (var (given, postcode) in new[] { ("Aaltje", "9733 EF"), ("Berend", "9734 AA") })
        {
            var request = AccessProcessScenario.NewClient(3);
            request.Surname = surname;
            request.GivenNames = given;
            request.Postcode = postcode;
            await oost.CreateClientAsync(request);
        }
        var listed = (await oost.ListClientsAsync(new() { Query = surname, PageSize = 500 })).Clients.ToList();
        Assert.Equal(2, listed.Count);
        return (surname, listed);
    }

    [Fact]
    public async Task The_clients_csv_holds_what_the_list_shows_in_its_order()
    {
        hosts.RequireAvailable();
        var (surname, listed) = await TwoClientsOfOost();
        var rows = await CsvAsync(await GetAsync(hosts, Callers.HaOost, $"/api/v1/exports/clients?format=csv&query={surname}"));
        Assert.Equal(listed.Select(c => c.Id), rows.Select(r => r["Cliënt-id"]));
        foreach (var (client, row) in listed.Zip(rows))
        {
            Assert.Equal(client.Bsn, row["BSN"]);
            Assert.Equal(client.DisplayName, row["Naam"]);
            Assert.Equal(client.GivenNames, row["Voornamen"]);
            Assert.Equal(client.Surname, row["Achternaam"]);
            Assert.Equal(Dutch(client.DateOfBirth), row["Geboortedatum"]);
            Assert.Equal(client.Postcode, row["Postcode"]);
            Assert.Equal(client.AreaId.ToString(CultureInfo.InvariantCulture), row["Gebied"]);
            Assert.Equal(client.ContactDetails.PhoneNumber, row["Telefoon"]);
            Assert.Equal(client.ContactDetails.City, row["Plaats"]);
        }
    }

    [Fact]
    public async Task The_clients_workbook_has_real_dates_and_numbers()
    {
        hosts.RequireAvailable();
        var (surname, listed) = await TwoClientsOfOost();
        var (headers, rows, workbook) = await XlsxAsync(await GetAsync(hosts, Callers.HaOost, $"/api/v1/exports/clients?format=xlsx&areaId=3&query={surname}"));
        using (workbook)
        {
            Assert.Equal("Cliënten", workbook.Worksheet(1).Name);
            Assert.Equal(listed.Count, rows.Count);
            foreach (var (client, row) in listed.Zip(rows))
            {
                Assert.Equal(client.Id, Cell(headers, row, "Cliënt-id").GetString());
                Assert.Equal(client.Bsn, Cell(headers, row, "BSN").GetString());
                var born = Cell(headers, row, "Geboortedatum");
                Assert.Equal(new DateTime(client.DateOfBirth.Year, client.DateOfBirth.Month, client.DateOfBirth.Day), born.GetDateTime());
                Assert.Equal(client.AreaId, Cell(headers, row, "Gebied").GetValue<int>());
                Assert.Equal(client.Postcode, Cell(headers, row, "Postcode").GetString());
            }
        }
    }

    [Fact]
    public async Task Hour_entries_export_as_hours_and_dates_that_match_the_list()
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await _s.ActiveExecutedBy(1);
        var delinde = await _s.Hours(Callers.OaDeLinde);
        var request = new BatchCreateHourEntriesRequest();
        request.Entries.Add(HourScenario.Entry(arrangement, month: 4, day: 2, minutes: 90));
        request.Entries.Add(HourScenario.Entry(arrangement, month: 4, day: 3, minutes: 45));
        request.Entries.Add(HourScenario.Entry(arrangement, month: 5, day: 1, minutes: 20));
        await delinde.BatchCreateHourEntriesAsync(request);
        var stadse = await _s.Hours(Callers.HaStadse);
        var listed = (await stadse.ListHourEntriesAsync(new() { ArrangementId = arrangement.Id, PageSize = 500 })).HourEntries.ToList();
        Assert.Equal(3, listed.Count);
        await stadse.ApproveHourEntriesAsync(new() { HourEntryIds = { listed[0].Id } });
        listed = (await stadse.ListHourEntriesAsync(new() { ArrangementId = arrangement.Id, PageSize = 500 })).HourEntries.ToList();

        var csv = await CsvAsync(await GetAsync(hosts, Callers.HaStadse, $"/api/v1/exports/hour-entries?arrangement_id={arrangement.Id}"));
        Assert.Equal(listed.Select(e => e.Id), csv.Select(r => r["Uurregel-id"]));
        foreach (var (entry, row) in listed.Zip(csv))
        {
            Assert.Equal(entry.EntryKey, row["Sleutel"]);
            Assert.Equal(Dutch(entry.ServiceDate), row["Datum"]);
            Assert.Equal((entry.Quantity / 60m).ToString("0.00", CultureInfo.GetCultureInfo("nl-NL")), row["Uren"]);
            Assert.Equal("", row["Aantal"]);
            Assert.Equal(entry.ClientName, row["Cliënt"]);
            Assert.Equal(entry.ReportedByProviderName, row["Gemeld door"]);
            Assert.Equal(entry.Status == HourEntryStatus.Approved ? "Goedgekeurd" : "Ingediend", row["Status"]);
            Assert.Equal(entry.SubcontractId, row["Onderaanneming-id"]);
            Assert.Equal(DutchMoment(entry.SubmittedAt), row["Ingediend op"]);
            Assert.Equal(DutchMoment(entry.ReviewedAt), row["Beoordeeld op"]);
        }
        Assert.Single(csv, r => r["Beoordeeld op"] != "");
        Assert.Contains("1,50", csv.Select(r => r["Uren"]));

        var (headers, rows, workbook) = await XlsxAsync(await GetAsync(hosts, Callers.OaDeLinde,
            $"/api/v1/exports/hour-entries?format=xlsx&arrangement_id={arrangement.Id}&status=SUBMITTED"));
        using (workbook)
        {
            var submitted = listed.Where(e => e.Status == HourEntryStatus.Submitted).ToList();
            Assert.Equal(submitted.Select(e => e.Id), rows.Select(r => Cell(headers, r, "Uurregel-id").GetString()));
            foreach (var (entry, row) in submitted.Zip(rows))
            {
                Assert.Equal(Math.Round(entry.Quantity / 60.0, 2), Cell(headers, row, "Uren").GetDouble(), 6);
                Assert.Equal(new DateTime(entry.ServiceDate.Year, entry.ServiceDate.Month, entry.ServiceDate.Day), Cell(headers, row, "Datum").GetDateTime());
                Assert.Equal("Begeleiding", Cell(headers, row, "Product").GetString());
                Assert.Equal(DutchClock(entry.SubmittedAt), Cell(headers, row, "Ingediend op").GetDateTime(), TimeSpan.FromSeconds(1));
            }
        }
    }

    [Fact]
    public async Task Subcontracts_export_one_row_per_rate_with_euros_that_match_the_list()
    {
        hosts.RequireAvailable();
        var proposal = Proposal(Callers.HaOost, Callers.OaNoorderlicht);
        proposal.Rates.Add(new SubcontractRate { Product = Product.Dagbesteding, Unit = Unit.Dagdeel, RateCents = 4_275 });
        var created = (await (await _s.Subcontracts(Callers.HaOost)).CreateSubcontractAsync(proposal)).Subcontract;
        var filter = $"onderaannemer_id={created.OnderaannemerId}&state=PROPOSED";
        var listed = (await (await _s.Subcontracts(Callers.HaOost)).ListSubcontractsAsync(new()
        {
            OnderaannemerId = created.OnderaannemerId, State = SubcontractState.Proposed, PageSize = 500,
        })).Subcontracts.ToList();

        var (headers, rows, workbook) = await XlsxAsync(await GetAsync(hosts, Callers.HaOost, $"/api/v1/exports/subcontracts?format=xlsx&{filter}"));
        using (workbook)
        {
            Assert.Equal(listed.Select(c => c.Id), rows.Select(r => Cell(headers, r, "Onderaanneming-id").GetString()).Distinct());
            var ours = rows.Where(r => Cell(headers, r, "Onderaanneming-id").GetString() == created.Id).ToList();
            Assert.Equal([65.00, 42.75], ours.Select(r => Cell(headers, r, "Tarief").GetDouble()));
            Assert.Equal(["Begeleiding", "Dagbesteding"], ours.Select(r => Cell(headers, r, "Product").GetString()));
            Assert.Equal(["Uur", "Dagdeel"], ours.Select(r => Cell(headers, r, "Eenheid").GetString()));
            Assert.All(ours, r => Assert.Equal(created.OnderaannemerName, Cell(headers, r, "Onderaannemer").GetString()));
            Assert.All(ours, r => Assert.Equal(new DateTime(2027, 2, 1), Cell(headers, r, "Geldig van").GetDateTime()));
            Assert.All(ours, r => Assert.Equal(DutchClock(created.ProposedAt), Cell(headers, r, "Voorgesteld op").GetDateTime(), TimeSpan.FromSeconds(1)));
            Assert.All(ours, r => Assert.True(Cell(headers, r, "Besloten op").IsEmpty())); // proposed, not yet decided
        }
        var csv = await CsvAsync(await GetAsync(hosts, Callers.HaOost, $"/api/v1/exports/subcontracts?{filter}"));
        Assert.Equal(["65,00", "42,75"], csv.Where(r => r["Onderaanneming-id"] == created.Id).Select(r => r["Tarief"]));
        Assert.DoesNotContain(await CsvAsync(await GetAsync(hosts, Callers.HaStadse, $"/api/v1/exports/subcontracts?{filter}")),
            r => r["Onderaanneming-id"] == created.Id);
    }

    [Fact]
    public async Task A_foreign_hoofdaanbieder_exports_none_of_anothers_rows()
    {
        hosts.RequireAvailable();
        var (surname, _) = await TwoClientsOfOost();
        Assert.Empty(await CsvAsync(await GetAsync(hosts, Callers.HaStadse, $"/api/v1/exports/clients?query={surname}")));
        var (headers, rows, workbook) = await XlsxAsync(await GetAsync(hosts, Callers.HaZuid, $"/api/v1/exports/clients?format=xlsx&query={surname}"));
        using (workbook)
        {
            Assert.Empty(rows);
            Assert.Contains("Naam", headers);
        }

        var entry = await _s.ReportedByDeLinde();
        Assert.Single(await CsvAsync(await GetAsync(hosts, Callers.HaStadse, $"/api/v1/exports/hour-entries?arrangement_id={entry.ArrangementId}")));
        Assert.Empty(await CsvAsync(await GetAsync(hosts, Callers.HaOost, $"/api/v1/exports/hour-entries?arrangement_id={entry.ArrangementId}")));
        Assert.Empty(await CsvAsync(await GetAsync(hosts, Callers.OaAtelier, $"/api/v1/exports/hour-entries?arrangement_id={entry.ArrangementId}")));
    }

    [Fact]
    public async Task An_onderaannemer_gets_no_bsn_column()
    {
        hosts.RequireAvailable();
        var entry = await _s.ReportedByDeLinde();
        var rows = await CsvAsync(await GetAsync(hosts, Callers.OaDeLinde, "/api/v1/exports/clients"));
        var row = Assert.Single(rows, r => r["Cliënt-id"] == entry.ClientId);
        Assert.False(row.ContainsKey("BSN"));
        var (status, _, fields) = await ProblemAsync(await GetAsync(hosts, Callers.OaDeLinde, "/api/v1/exports/clients?bsn=123456782"));
        Assert.Equal(403, status);
        Assert.Empty(fields);
    }

    [Fact]
    public async Task The_gemeente_exports_across_tenants_and_every_client_it_reads_is_audited()
    {
        hosts.RequireAvailable();
        var (surname, listed) = await TwoClientsOfOost();
        var rows = await CsvAsync(await GetAsync(hosts, Callers.Gemeente, $"/api/v1/exports/clients?query={surname}", purpose: "Jaarcontrole"));
        Assert.Equal(listed.Select(c => (c.Id, c.Bsn)), rows.Select(r => (r["Cliënt-id"], r["BSN"])));

        var audit = new AuditService.AuditServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var entries = (await audit.ListAuditEntriesAsync(new() { PageSize = 200 })).Entries
            .Where(e => e.Method == "GET /api/v1/exports/clients").ToList();
        Assert.Contains(entries, e => e.Resource == "Client list" && e.Access == "read" && e.ClientId == "");
        foreach (var client in listed)
        {
            var read = Assert.Single(entries, e => e.ClientId == client.Id);
            Assert.Equal(("read", "Jaarcontrole"), (read.Access, read.Purpose));
        }
        Assert.All(entries, e => Assert.DoesNotContain(listed[0].Bsn, e.Resource));
    }

    [Fact]
    public async Task Bad_requests_answer_problem_details_and_read_nothing()
    {
        hosts.RequireAvailable();
        var audit = new AuditService.AuditServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        async Task<int> ExportAuditCount() => (await audit.ListAuditEntriesAsync(new() { PageSize = 500 })).Entries.Count(e => e.Method.StartsWith("GET /api/v1/exports/", StringComparison.Ordinal));
        var before = await ExportAuditCount();

        var (status, reason, fields) = await ProblemAsync(await GetAsync(hosts, Callers.Gemeente,
            "/api/v1/exports/hour-entries?format=pdf&area_id=x&service_date_from=1-4-2027&status=LOST&page_size=5&colour=red"));
        Assert.Equal((400, "FIELD_VIOLATIONS"), (status, reason));
        Assert.Equal(["area_id", "colour", "format", "page_size", "service_date_from", "status"], fields.Order(StringComparer.Ordinal));
        Assert.Equal(before, await ExportAuditCount()); // the gemeente's audited read is not even begun

        (status, _, fields) = await ProblemAsync(await GetAsync(hosts, Callers.HaStadse, "/api/v1/exports/hour-entries?service_date_from=2027-05-01&service_date_to=2027-04-01"));
        Assert.Equal(400, status);
        Assert.Equal(["service_date_to"], fields);
        (status, _, fields) = await ProblemAsync(await GetAsync(hosts, Callers.HaStadse, "/api/v1/exports/clients?postcode=Groningen"));
        Assert.Equal(400, status);
        Assert.Equal(["postcode"], fields);
        (status, reason, _) = await ProblemAsync(await GetAsync(hosts, Callers.HaStadse, "/api/v1/exports/beschikkingen"));
        Assert.Equal((404, "EXPORT_NOT_FOUND"), (status, reason));
        (status, reason, _) = await ProblemAsync(await GetAsync(hosts, Callers.Wij, "/api/v1/exports/hour-entries"));
        Assert.Equal((403, "ROLE_NOT_ALLOWED"), (status, reason));
        Assert.Equal(401, (int)(await GetAsync(hosts, Callers.Anonymous, "/api/v1/exports/clients")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteTableExportTests(SqliteHosts hosts) : TableExportTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresTableExportTests(PostgresHosts hosts) : TableExportTests(hosts);
