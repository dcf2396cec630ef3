using GonPortal.Contracts.V1;
using GonPortal.Server.Data;
using GonPortal.Server.Exports;
using GonPortal.Server.Tenancy;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static GonPortal.Server.Tests.Exports.ExportHttp;
using DomainProduct = GonPortal.Domain.Reference.Product;
using DomainReferral = GonPortal.Domain.Referrals.Referral;

namespace GonPortal.Server.Tests.Exports;

/// <summary>
/// <c>GET /api/v1/exports/referrals</c>: WIJ referrals as ListReferrals gives them to the caller (same filters, order,
/// roles and tenancy), opened with CsvHelper and ClosedXML and compared cell by cell with the list; a hoofdaanbieder
/// never gets another's referrals, the gemeente's read is audited as the list's, a role that may not list gets 403, a
/// bad filter is a 400 naming the field, and an export of more than one chunk is the list's full paging in several orders.
/// </summary>
public abstract class ReferralExportTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);

    private async Task<List<Referral>> Listed(string caller, ListReferralsRequest request)
    {
        var clients = await _s.Clients(caller);
        var referrals = new List<Referral>();
        var token = "";
        do
        {
            request.PageSize = 500;
            request.PageToken = token;
            var page = await clients.ListReferralsAsync(request);
            referrals.AddRange(page.Referrals);
            token = page.NextPageToken;
        }
        while (token != "");
        return referrals;
    }

    private static string StateName(ReferralState state) => state switch
    {
        ReferralState.Referred => "Verwezen",
        ReferralState.Accepted => "Geaccepteerd",
        ReferralState.Returned => "Teruggestuurd",
        ReferralState.Withdrawn => "Ingetrokken",
        _ => "?",
    };

    [Fact]
    public async Task The_referrals_csv_and_workbook_hold_what_the_list_shows_in_its_order()
    {
        hosts.RequireAvailable();
        var arrangement = await _s.Requested(); // an accepted referral of area 1 that led to an arrangement
        var referred = await _s.Referred(1);
        var wij = await _s.Clients(Callers.Wij);
        var names = new Dictionary<string, string>();
        foreach (var clientId in new[] { arrangement.ClientId, referred.ClientId })
        {
            names[clientId] = (await wij.GetClientAsync(new() { ClientId = clientId })).Client.DisplayName;
        }

        var listed = await Listed(Callers.Wij, new() { AreaId = 1 });
        var csv = await CsvAsync(await GetAsync(hosts, Callers.Wij, "/api/v1/exports/referrals?area_id=1"));
        Assert.Equal(listed.Select(r => r.Id), csv.Select(r => r["Verwijzing-id"]));
        foreach (var (referral, row) in listed.Zip(csv))
        {
            Assert.Equal(referral.ClientId, row["Cliënt-id"]);
            Assert.Equal("1", row["Gebied"]);
            Assert.Equal(referral.HoofdaanbiederName, row["Hoofdaanbieder"]);
            Assert.Equal(referral.WijTeam, row["WIJ-team"]);
            Assert.Equal(StateName(referral.State), row["Status"]);
            Assert.Equal(string.Join("; ", referral.Goals.Select(g => g.Description)), row["Doelen"]);
            Assert.Equal(referral.SelfDirected ? "ja" : "nee", row["Eigen regie"]);
            Assert.Equal(referral.Note, row["Toelichting"]);
            Assert.Equal(DutchMoment(referral.ReferredAt), row["Verwezen op"]);
            Assert.Equal(DutchMoment(referral.AcceptedAt), row["Geaccepteerd op"]);
            Assert.Equal(DutchMoment(referral.ClosedAt), row["Afgesloten op"]);
            Assert.Equal(referral.CloseReason, row["Reden afsluiting"]);
            Assert.Equal(string.Join("; ", referral.ArrangementIds), row["Arrangement-ids"]);
        }
        var accepted = Assert.Single(csv, r => r["Cliënt-id"] == arrangement.ClientId);
        Assert.Equal((names[arrangement.ClientId], "Geaccepteerd", "Begeleiding", arrangement.Id),
            (accepted["Cliënt"], accepted["Status"], accepted["Geïndiceerde producten"], accepted["Arrangement-ids"]));
        var open = Assert.Single(csv, r => r["Verwijzing-id"] == referred.Id);
        Assert.Equal((names[referred.ClientId], "Verwezen", "", "ja"), (open["Cliënt"], open["Status"], open["Geaccepteerd op"], open["Eigen regie"]));

        var stadse = await Listed(Callers.HaStadse, new() { State = ReferralState.Accepted, OrderBy = "client_name" });
        var (headers, rows, workbook) = await XlsxAsync(await GetAsync(hosts, Callers.HaStadse,
            "/api/v1/exports/referrals?format=xlsx&state=ACCEPTED&orderBy=client_name"));
        using (workbook)
        {
            Assert.Equal("Verwijzingen", workbook.Worksheet(1).Name);
            Assert.Equal(stadse.Select(r => r.Id), rows.Select(r => Cell(headers, r, "Verwijzing-id").GetString()));
            foreach (var (referral, row) in stadse.Zip(rows))
            {
                Assert.Equal(referral.AreaId, Cell(headers, row, "Gebied").GetValue<int>());
                Assert.Equal(DutchClock(referral.ReferredAt), Cell(headers, row, "Verwezen op").GetDateTime(), TimeSpan.FromSeconds(1));
                Assert.Equal(DutchClock(referral.AcceptedAt), Cell(headers, row, "Geaccepteerd op").GetDateTime(), TimeSpan.FromSeconds(1));
                Assert.Equal("Geaccepteerd", Cell(headers, row, "Status").GetString());
            }
            Assert.Contains(rows, r => Cell(headers, r, "Arrangement-ids").GetString() == arrangement.Id);
        }
    }

    [Fact]
    public async Task A_hoofdaanbieder_never_exports_anothers_referrals_and_the_gemeentes_read_is_audited()
    {
        hosts.RequireAvailable();
        var oosts = await _s.Referred(3);
        var filter = $"/api/v1/exports/referrals?client_id={oosts.ClientId}";
        Assert.Equal([oosts.Id], (await CsvAsync(await GetAsync(hosts, Callers.HaOost, filter))).Select(r => r["Verwijzing-id"]));
        Assert.Equal([oosts.Id], (await CsvAsync(await GetAsync(hosts, Callers.Wij, filter))).Select(r => r["Verwijzing-id"]));
        Assert.Empty(await CsvAsync(await GetAsync(hosts, Callers.HaStadse, filter)));
        Assert.DoesNotContain(await CsvAsync(await GetAsync(hosts, Callers.HaZuid, "/api/v1/exports/referrals?area_id=3")), r => r["Verwijzing-id"] == oosts.Id);

        var rows = await CsvAsync(await GetAsync(hosts, Callers.Gemeente, filter, purpose: "Verantwoording"));
        Assert.Equal([oosts.Id], rows.Select(r => r["Verwijzing-id"]));
        var audit = new AuditService.AuditServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var entries = (await audit.ListAuditEntriesAsync(new() { PageSize = 200 })).Entries
            .Where(e => e.Method == "GET /api/v1/exports/referrals" && e.Purpose == "Verantwoording").ToList();
        Assert.Contains(entries, e => e.Resource == "Referral list" && e.ClientId == "");
        Assert.Contains(entries, e => e.Resource == "Arrangements of referrals" && e.ClientId == "");
        var read = Assert.Single(entries, e => e.ClientId == oosts.ClientId);
        Assert.Equal(("Referral", "read"), (read.Resource, read.Access));
    }

    [Fact]
    public async Task A_role_that_may_not_list_referrals_gets_403_and_a_bad_filter_400_reading_nothing()
    {
        hosts.RequireAvailable();
        foreach (var caller in new[] { Callers.OaDeLinde, Callers.OaAtelier })
        {
            var (status, reason, _) = await ProblemAsync(await GetAsync(hosts, caller, "/api/v1/exports/referrals"));
            Assert.Equal((403, "ROLE_NOT_ALLOWED"), (status, reason));
        }
        var (code, why, fields) = await ProblemAsync(await GetAsync(hosts, Callers.Wij,
            "/api/v1/exports/referrals?state=LOST&client_id=abc&order_by=colour&page_size=5"));
        Assert.Equal((400, "FIELD_VIOLATIONS"), (code, why));
        Assert.Equal(["client_id", "order_by", "page_size", "state"], fields.Order(StringComparer.Ordinal));
        (code, _, fields) = await ProblemAsync(await GetAsync(hosts, Callers.HaStadse, "/api/v1/exports/referrals?area_id=99"));
        Assert.Equal(400, code);
        Assert.Equal(["area_id"], fields);

        // the gemeente's audited cross-tenant read is not even begun for a bad filter
        var purpose = $"Controle {Guid.NewGuid():N}";
        (code, _, fields) = await ProblemAsync(await GetAsync(hosts, Callers.Gemeente, "/api/v1/exports/referrals?state=LOST", purpose));
        Assert.Equal(400, code);
        Assert.Equal(["state"], fields);
        var audit = new AuditService.AuditServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        Assert.DoesNotContain((await audit.ListAuditEntriesAsync(new() { PageSize = 500 })).Entries, e => e.Purpose == purpose);
    }

    [Fact]
    public async Task A_multi_chunk_referral_export_equals_the_lists_full_paging_in_several_orders()
    {
        hosts.RequireAvailable();
        const int count = 1_200;
        Assert.True(count > ExportChunks.Size, "the export must span more than one chunk");
        var client = await _s.Client(Callers.Wij, 1);
        await SeedAsync(Guid.Parse(client.Id), count);

        foreach (var orderBy in new[] { "", "referred_at", "wij_team desc", "state", "client_name desc", "hoofdaanbieder" })
        {
            var listed = (await Listed(Callers.HaStadse, new() { ClientId = client.Id, OrderBy = orderBy })).Select(r => r.Id).ToList();
            Assert.Equal(count, listed.Count);
            var query = $"/api/v1/exports/referrals?client_id={client.Id}" + (orderBy == "" ? "" : $"&order_by={Uri.EscapeDataString(orderBy)}");
            var exported = (await CsvAsync(await GetAsync(hosts, Callers.HaStadse, query))).Select(r => r["Verwijzing-id"]).ToList();
            Assert.Equal(count, exported.Distinct().Count());
            Assert.Equal(listed, exported);
        }
    }

    /// <summary>
    /// Referrals of one client of area 1 by WIJ to Stadse, made by the domain's own factory and transitions, with few
    /// distinct moments, teams and states, so every order has long runs of equal keys.
    /// </summary>
    private async Task SeedAsync(Guid clientId, int count)
    {
        await using var scope = hosts.ServerServices.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().ResolveSystem("test fixture");
        var db = scope.ServiceProvider.GetRequiredService<GonDbContext>();
        var wij = Callers.Organisation(Callers.Wij).Id;
        var stadse = Callers.Organisation(Callers.HaStadse).Id;
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        for (var i = 0; i < count; i++)
        {
            var at = start.AddSeconds(i % 9);
            var referral = DomainReferral.Create(Guid.NewGuid(), wij, clientId, 1, stadse,
                (i % 3) switch { 0 => null, 1 => "WIJ Vinkhuizen", _ => "wij vinkhuizen" }, [$"Doel {i % 5}"], [DomainProduct.Begeleiding],
                i % 2 == 0, null, "seed", at);
            switch (i % 4)
            {
                case 1:
                    referral.Accept("seed", at.AddMinutes(1));
                    break;
                case 2:
                    referral.Return("seed", "Past niet", at.AddMinutes(1));
                    break;
                case 3:
                    referral.Withdraw("seed", "Verhuisd", at.AddMinutes(1));
                    break;
            }
            db.Referrals.Add(referral);
        }
        await db.SaveChangesAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteReferralExportTests(SqliteHosts hosts) : ReferralExportTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresReferralExportTests(PostgresHosts hosts) : ReferralExportTests(hosts);
