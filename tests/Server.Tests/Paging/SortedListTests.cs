using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Hours;
using GonPortal.Server.Tests.Infrastructure;
using static GonPortal.Server.Tests.AccessMatrix.AccessProcessScenario;
using static GonPortal.Server.Tests.AccessMatrix.Scenario;

namespace GonPortal.Server.Tests.Paging;

/// <summary>order_by on the paged lists behind the portal's tables, through the real API on both databases.</summary>
public abstract class SortedListTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);

    [Fact]
    public async Task Clients_sort_by_name_without_regard_to_case_and_by_birth_date_across_pages()
    {
        hosts.RequireAvailable();
        var ha = await _s.Clients(Callers.HaZuid);
        var prefix = $"Srt{Next()}x";
        (string Surname, string Given, int Year)[] people =
            [("Bakker", "Geesje", 1961), ("abel", "Geesje", 1944), ("Cornelis", "Jan", 1980), ("dekker", "Piet", 1950), ("Abel", "Anna", 1972), ("evers", "Klaas", 1939)];
        foreach (var p in people)
        {
            var request = NewClient(4);
            request.Surname = prefix + p.Surname;
            request.GivenNames = p.Given;
            request.DateOfBirth = Date(p.Year, 3, 1);
            await ha.CreateClientAsync(request);
        }
        ListPage<Client> list = async (order, token, size) =>
        {
            var r = await ha.ListClientsAsync(new() { Query = prefix, OrderBy = order, PageToken = token, PageSize = size });
            return (r.Clients, r.NextPageToken);
        };

        var byName = await SortedPages.CheckAsync(list, "name", c => c.Id, 6, 2);
        Assert.Equal(["Abel Anna", "abel Geesje", "Bakker Geesje", "Cornelis Jan", "dekker Piet", "evers Klaas"],
            byName.Select(c => $"{c.Surname[prefix.Length..]} {c.GivenNames}"));
        var byBirth = await SortedPages.CheckAsync(list, "birth_date", c => c.Id, 6, 2);
        Assert.Equal([1939, 1944, 1950, 1961, 1972, 1980], byBirth.Select(c => c.DateOfBirth.Year));
        await SortedPages.CheckRefusalsAsync(list, "name");

        // Over all of Zuid's clients, with other tests' clients among them.
        ListPage<Client> all = async (order, token, size) =>
        {
            var r = await ha.ListClientsAsync(new() { OrderBy = order, PageToken = token, PageSize = size });
            return (r.Clients, r.NextPageToken);
        };
        SortedPages.AssertAscending(await SortedPages.CheckAsync(all, "postcode", c => c.Id, 6, 20), c => c.Postcode);
    }

    [Fact]
    public async Task A_refused_order_by_reads_nothing_and_records_no_access()
    {
        hosts.RequireAvailable();
        var client = await _s.Client(Callers.HaZuid, 4);
        var ha = await _s.Clients(Callers.HaZuid);
        var audit = new AuditService.AuditServiceClient(await hosts.InvokerFor(Callers.HaZuid));
        var before = (await audit.ListClientAccessAsync(new() { ClientId = client.Id, PageSize = 500 })).Entries.Count;
        await RpcAssert.InvalidFields(async () => await ha.ListClientsAsync(new() { Query = client.Surname, OrderBy = "bsn" }), "order_by");
        var after = (await audit.ListClientAccessAsync(new() { ClientId = client.Id, PageSize = 500 })).Entries.Count;
        Assert.Equal(before + 1, after); // only the second report's own read: the refused list recorded nothing
        Assert.Single((await ha.ListClientsAsync(new() { Query = client.Surname, OrderBy = "name desc" })).Clients);
    }

    [Fact]
    public async Task Referrals_sort_by_wij_team_and_date()
    {
        hosts.RequireAvailable();
        var wij = await _s.Clients(Callers.Wij);
        foreach (var team in new[] { "WIJ Vinkhuizen", "wij beijum", "WIJ Centrum", "wij Selwerd", "WIJ Hoogkerk" })
        {
            var client = await _s.Client(Callers.Wij, 2);
            var request = NewReferral(client.Id);
            request.WijTeam = team;
            await wij.CreateReferralAsync(request);
        }
        ListPage<Referral> list = async (order, token, size) =>
        {
            var r = await wij.ListReferralsAsync(new() { AreaId = 2, State = ReferralState.Referred, OrderBy = order, PageToken = token, PageSize = size });
            return (r.Referrals, r.NextPageToken);
        };
        SortedPages.AssertAscending(await SortedPages.CheckAsync(list, "wij_team", r => r.Id, 5, 10), r => r.WijTeam.ToLowerInvariant());
        SortedPages.AssertAscending(await SortedPages.CheckAsync(list, "referred_at", r => r.Id, 5, 10), r => r.ReferredAt.ToDateTimeOffset());
        await SortedPages.CheckRefusalsAsync(list, "wij_team");
    }

    [Fact]
    public async Task Arrangements_sort_by_creation_start_and_area()
    {
        hosts.RequireAvailable();
        for (var i = 0; i < 3; i++)
        {
            await _s.DirectRequested();
        }
        await _s.Active();
        var ha = await _s.Arrangements(Callers.HaStadse);
        ListPage<SupportArrangement> list = async (order, token, size) =>
        {
            var r = await ha.ListArrangementsAsync(new() { OrderBy = order, PageToken = token, PageSize = size });
            return (r.Arrangements, r.NextPageToken);
        };
        SortedPages.AssertAscending(await SortedPages.CheckAsync(list, "created_at", a => a.Id, 4, 25), a => a.CreatedAt.ToDateTimeOffset());
        // Not yet decided (no start date) sorts last.
        var byStart = await SortedPages.CheckAsync(list, "start_date", a => a.Id, 4, 25);
        SortedPages.AssertAscending(byStart, a => a.StartDate is { Year: > 0 } d ? new DateOnly(d.Year, d.Month, d.Day) : DateOnly.MaxValue);
        Assert.Contains(byStart, a => a.StartDate is { Year: > 0 });
        SortedPages.AssertAscending(await SortedPages.CheckAsync(list, "area_id", a => a.Id, 4, 25), a => a.AreaId);
        await SortedPages.CheckRefusalsAsync(list, "start_date");
    }

    [Fact]
    public async Task Hour_entries_sort_by_quantity_and_service_date()
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await _s.ActiveExecutedBy(1);
        var oa = await _s.Hours(Callers.OaDeLinde);
        (int Day, int Minutes)[] entries = [(3, 90), (1, 30), (7, 120), (2, 45), (5, 60)];
        await oa.BatchCreateHourEntriesAsync(new() { Entries = { entries.Select(e => HourScenario.Entry(arrangement, day: e.Day, minutes: e.Minutes)) } });
        var ha = await _s.Hours(Callers.HaStadse);
        ListPage<HourEntry> list = async (order, token, size) =>
        {
            var r = await ha.ListHourEntriesAsync(new() { ArrangementId = arrangement.Id, OrderBy = order, PageToken = token, PageSize = size });
            return (r.HourEntries, r.NextPageToken);
        };
        Assert.Equal([30, 45, 60, 90, 120], (await SortedPages.CheckAsync(list, "quantity", e => e.Id, 5, 2)).Select(e => e.Quantity));
        Assert.Equal([1, 2, 3, 5, 7], (await SortedPages.CheckAsync(list, "service_date", e => e.Id, 5, 2)).Select(e => e.ServiceDate.Day));
        await SortedPages.CheckRefusalsAsync(list, "quantity");
    }

    [Fact]
    public async Task Audit_entries_sort_by_method_actor_and_moment()
    {
        hosts.RequireAvailable();
        // Stadse does a few things; the gemeente then reads only Stadse's entries, which its own calls do not add to.
        await _s.Client(Callers.HaStadse, 1);
        await (await _s.Clients(Callers.HaStadse)).ListClientsAsync(new() { PageSize = 3 });
        var audit = new AuditService.AuditServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var subject = (await audit.ListAuditEntriesAsync(new() { PageSize = 500 })).Entries
            .First(e => e.ActorOrganisationId == DemoIds.StadseZorg).ActorSubject;
        ListPage<AuditEntry> list = async (order, token, size) =>
        {
            var r = await audit.ListAuditEntriesAsync(new() { ActorSubject = subject, OrderBy = order, PageToken = token, PageSize = size });
            return (r.Entries, r.NextPageToken);
        };
        SortedPages.AssertAscending(await SortedPages.CheckAsync(list, "method", e => e.Id, 3, 50), e => e.Method);
        SortedPages.AssertAscending(await SortedPages.CheckAsync(list, "occurred_at", e => e.Id, 3, 50), e => e.OccurredAt.ToDateTimeOffset());
        await SortedPages.CheckAsync(list, "actor", e => e.Id, 3, 50);
        await SortedPages.CheckRefusalsAsync(list, "method");
    }

    [Fact]
    public async Task A_client_access_report_sorts_by_organisation_and_moment()
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await _s.ActiveExecutedBy(1);
        await (await _s.Hours(Callers.OaDeLinde)).BatchCreateHourEntriesAsync(new() { Entries = { HourScenario.Entry(arrangement) } });
        var audit = new AuditService.AuditServiceClient(await hosts.InvokerFor(Callers.HaStadse));
        var before = (await audit.ListClientAccessAsync(new() { ClientId = arrangement.ClientId, PageSize = 500 })).Entries.Select(e => e.Id).ToList();
        ListPage<AuditEntry> list = async (order, token, size) =>
        {
            var r = await audit.ListClientAccessAsync(new() { ClientId = arrangement.ClientId, OrderBy = order, PageToken = token, PageSize = size });
            return (r.Entries, r.NextPageToken);
        };

        // Every page call is itself recorded in the report (as the newest entry), so only the oldest-first order holds
        // still while it is walked: there the pages are disjoint and hold every entry there was before.
        var oldestFirst = await SortedPages.WalkAsync(list, "occurred_at", 3);
        Assert.Equal(oldestFirst.Count, oldestFirst.Select(e => e.Id).Distinct().Count());
        Assert.Subset(oldestFirst.Select(e => e.Id).ToHashSet(), before.ToHashSet());
        SortedPages.AssertAscending(oldestFirst, e => e.OccurredAt.ToDateTimeOffset());

        var byOrganisation = (await audit.ListClientAccessAsync(new() { ClientId = arrangement.ClientId, OrderBy = "organisation desc", PageSize = 500 })).Entries;
        SortedPages.AssertAscending(byOrganisation.Reverse().ToList(), e => e.ActorOrganisationName.ToLowerInvariant());
        Assert.True(byOrganisation.Select(e => e.ActorOrganisationName).Distinct().Count() >= 2);
        await SortedPages.CheckRefusalsAsync(list, "occurred_at");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSortedListTests(SqliteHosts hosts) : SortedListTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSortedListTests(PostgresHosts hosts) : SortedListTests(hosts);
