using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Hours;
using GonPortal.Server.Tests.Infrastructure;
using static GonPortal.Server.Tests.AccessMatrix.AccessProcessScenario;
using static GonPortal.Server.Tests.AccessMatrix.Scenario;

namespace GonPortal.Server.Tests.Paging;

/// <summary>
/// order_by on the fields behind the paged tables' other columns: a client's name and a provider's name (read from
/// another set), enums in their documented order, and the audit's resource and purpose; on both databases.
/// </summary>
public abstract class SortedByNameAndCodeTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);

    [Fact]
    public async Task Referrals_sort_by_client_name_state_and_hoofdaanbieder()
    {
        hosts.RequireAvailable();
        var wij = await _s.Clients(Callers.Wij);
        var prefix = $"Ref{Next()}x";
        // Zuid (area 4) gets them; "abel"/"Abel" differ only in case and are ordered by the given names.
        (string Surname, string Given)[] people = [("dekker", "Piet"), ("Abel", "Klaas"), ("bakker", "Anna"), ("abel", "Anna"), ("Cornelis", "Jan")];
        var referrals = new List<Referral>();
        foreach (var p in people)
        {
            var request = NewClient(4);
            request.Surname = prefix + p.Surname;
            request.GivenNames = p.Given;
            var client = (await wij.CreateClientAsync(request)).Client;
            referrals.Add((await wij.CreateReferralAsync(NewReferral(client.Id))).Referral);
        }
        var zuid = await _s.Clients(Callers.HaZuid);
        await zuid.AcceptReferralAsync(new() { ReferralId = referrals[0].Id });
        await zuid.ReturnReferralAsync(new() { ReferralId = referrals[1].Id, Reason = "Geen plek in dit gebied" });

        ListPage<Referral> list = async (order, token, size) =>
        {
            var r = await wij.ListReferralsAsync(new() { AreaId = 4, OrderBy = order, PageToken = token, PageSize = size });
            return (r.Referrals, r.NextPageToken);
        };
        var names = new ClientNames(wij);
        var byName = await SortedPages.CheckAsync(list, "client_name", r => r.Id, 5, 7);
        SortedPages.AssertAscending(byName, r => names.Key(r.ClientId));
        var mine = referrals.Select(r => r.Id).ToHashSet();
        Assert.Equal(["abel Anna", "Abel Klaas", "bakker Anna", "Cornelis Jan", "dekker Piet"],
            byName.Where(r => mine.Contains(r.Id)).Select(r => names.Shown(r.ClientId)[prefix.Length..]));

        var byState = await SortedPages.CheckAsync(list, "state", r => r.Id, 5, 7);
        SortedPages.AssertAscending(byState, r => (int)r.State);
        Assert.Contains(byState, r => r.State == ReferralState.Returned);

        // The gemeente sees every hoofdaanbieder's referrals; the name is the provider's.
        var gemeente = await _s.Clients(Callers.Gemeente);
        ListPage<Referral> all = async (order, token, size) =>
        {
            var r = await gemeente.ListReferralsAsync(new() { State = ReferralState.Referred, OrderBy = order, PageToken = token, PageSize = size });
            return (r.Referrals, r.NextPageToken);
        };
        var byHolder = await SortedPages.CheckAsync(all, "hoofdaanbieder", r => r.Id, 3, 40);
        SortedPages.AssertAscending(byHolder, r => r.HoofdaanbiederName.ToLowerInvariant());
        await SortedPages.CheckRefusalsAsync(list, "client_name");
    }

    [Fact]
    public async Task A_hoofdaanbieder_sorting_by_client_name_sees_only_its_own_referrals()
    {
        hosts.RequireAvailable();
        await _s.Referred(3); // Oost's
        var zuidReferral = await _s.Referred(4);
        var zuid = await _s.Clients(Callers.HaZuid);
        ListPage<Referral> list = async (order, token, size) =>
        {
            var r = await zuid.ListReferralsAsync(new() { OrderBy = order, PageToken = token, PageSize = size });
            return (r.Referrals, r.NextPageToken);
        };
        var sorted = await SortedPages.CheckAsync(list, "client_name", r => r.Id, 1, 50);
        Assert.All(sorted, r => Assert.Equal(DemoIds.ZuidZorg, r.HoofdaanbiederId));
        Assert.Contains(sorted, r => r.Id == zuidReferral.Id);
    }

    [Fact]
    public async Task Arrangements_sort_by_client_name_product_and_hoofdaanbieder_also_for_the_gemeente()
    {
        hosts.RequireAvailable();
        await _s.Advised();
        await _s.Advised();
        await _s.DirectRequested();
        var ha = await _s.Arrangements(Callers.HaStadse);
        var names = new ClientNames(await _s.Clients(Callers.HaStadse));
        ListPage<SupportArrangement> own = async (order, token, size) =>
        {
            var r = await ha.ListArrangementsAsync(new() { AreaId = 1, OrderBy = order, PageToken = token, PageSize = size });
            return (r.Arrangements, r.NextPageToken);
        };
        SortedPages.AssertAscending(await SortedPages.CheckAsync(own, "client_name", a => a.Id, 3, 25), a => names.Key(a.ClientId));
        var byProduct = await SortedPages.CheckAsync(own, "product", a => a.Id, 3, 25);
        SortedPages.AssertAscending(byProduct, a => (int)a.Product);
        Assert.Equal(Product.Unspecified, byProduct[0].Product); // a requested arrangement has no product yet: first

        // The gemeente's list of advised arrangements: its read is audited, the names come from its view alongside.
        var gemeente = await _s.Arrangements(Callers.Gemeente);
        var gemeenteNames = new ClientNames(await _s.Clients(Callers.Gemeente));
        ListPage<SupportArrangement> advised = async (order, token, size) =>
        {
            var r = await gemeente.ListArrangementsAsync(new() { State = ArrangementState.AdvisedToGemeente, OrderBy = order, PageToken = token, PageSize = size });
            return (r.Arrangements, r.NextPageToken);
        };
        var byName = await SortedPages.CheckAsync(advised, "client_name", a => a.Id, 2, 3);
        SortedPages.AssertAscending(byName, a => gemeenteNames.Key(a.ClientId));
        Assert.NotEqual("", gemeenteNames.Key(byName[0].ClientId));
        SortedPages.AssertAscending(await SortedPages.CheckAsync(advised, "hoofdaanbieder", a => a.Id, 2, 3), a => a.HoofdaanbiederName.ToLowerInvariant());
        await SortedPages.CheckRefusalsAsync(advised, "product");
    }

    [Fact]
    public async Task Hour_entries_sort_by_client_name_status_note_product_and_reporter()
    {
        hosts.RequireAvailable();
        var (first, _) = await _s.ActiveExecutedBy(3);
        var (second, _) = await _s.ActiveExecutedBy(3);
        var oa = await _s.Hours(Callers.OaDeLinde);
        string[] notes = ["Boodschappen gedaan", "administratie doorgenomen", "Wandeling", "contact met huisarts"];
        var created = (await oa.BatchCreateHourEntriesAsync(new()
        {
            Entries =
            {
                notes.Select((n, i) => WithNote(HourScenario.Entry(i % 2 == 0 ? first : second, day: i + 1), n)),
            },
        })).HourEntries;
        var ha = await _s.Hours(Callers.HaOost);
        await ha.ApproveHourEntriesAsync(new() { HourEntryIds = { created[0].Id } });
        await ha.RejectHourEntriesAsync(new() { HourEntryIds = { created[1].Id }, Reason = "Dubbel gemeld" });
        var reporter = created[0].ReportedByProviderId;
        ListPage<HourEntry> list = async (order, token, size) =>
        {
            var r = await ha.ListHourEntriesAsync(new() { ReportedByProviderId = reporter, AreaId = 3, OrderBy = order, PageToken = token, PageSize = size });
            return (r.HourEntries, r.NextPageToken);
        };
        var names = new ClientNames(await _s.Clients(Callers.HaOost));
        SortedPages.AssertAscending(await SortedPages.CheckAsync(list, "client_name", e => e.Id, 4, 30), e => names.Key(e.ClientId));
        var byStatus = await SortedPages.CheckAsync(list, "status", e => e.Id, 4, 30);
        SortedPages.AssertAscending(byStatus, e => (int)e.Status);
        Assert.Equal(HourEntryStatus.Rejected, byStatus[^1].Status);
        var byNote = await SortedPages.CheckAsync(list, "activity_note", e => e.Id, 4, 30);
        SortedPages.AssertAscending(byNote, e => e.ActivityNote.ToLowerInvariant());
        var mine = created.Select(e => e.Id).ToHashSet();
        Assert.Equal(["administratie doorgenomen", "Boodschappen gedaan", "contact met huisarts", "Wandeling"],
            byNote.Where(e => mine.Contains(e.Id)).Select(e => e.ActivityNote));
        SortedPages.AssertAscending(await SortedPages.CheckAsync(list, "product", e => e.Id, 4, 30), e => (int)e.Product);

        // Over all reporters of Oost (its own staff and its onderaannemers) the provider's name decides.
        ListPage<HourEntry> all = async (order, token, size) =>
        {
            var r = await ha.ListHourEntriesAsync(new() { AreaId = 3, OrderBy = order, PageToken = token, PageSize = size });
            return (r.HourEntries, r.NextPageToken);
        };
        // Oost's own staff (reporter kind hoofdaanbieder) come first, as one group: the portal does not show their name.
        SortedPages.AssertAscending(await SortedPages.CheckAsync(all, "reported_by", e => e.Id, 4, 100),
            e => e.ReporterKind == ExecutorKind.Hoofdaanbieder ? "" : e.ReportedByProviderName.ToLowerInvariant());
        await SortedPages.CheckRefusalsAsync(list, "status");
    }

    [Fact]
    public async Task Audit_entries_sort_by_resource_and_purpose()
    {
        hosts.RequireAvailable();
        var client = await _s.Client(Callers.HaStadse, 1);
        var withPurpose = new ClientService.ClientServiceClient(await hosts.InvokerFor(Callers.Gemeente, "Klacht onderzoeken"));
        await withPurpose.GetClientAsync(new() { ClientId = client.Id });
        var audit = new AuditService.AuditServiceClient(await hosts.InvokerFor(Callers.HaStadse));
        ListPage<AuditEntry> list = async (order, token, size) =>
        {
            var r = await audit.ListClientAccessAsync(new() { ClientId = client.Id, OrderBy = order, PageToken = token, PageSize = size });
            return (r.Entries, r.NextPageToken);
        };
        // Each page call adds an entry to this report (see SortedListTests), so read it whole in one page per order.
        var byPurpose = (await list("purpose desc", "", 500)).Items;
        SortedPages.AssertAscending(byPurpose.Reverse().ToList(), e => e.Purpose.ToLowerInvariant());
        Assert.Equal("Klacht onderzoeken", byPurpose[0].Purpose);
        var byResource = (await list("resource", "", 500)).Items;
        SortedPages.AssertAscending(byResource, e => e.Resource);
        Assert.True(byResource.Select(e => e.Resource).Distinct().Count() >= 1);

        var gemeente = new AuditService.AuditServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var subject = byPurpose.First(e => e.ActorOrganisationId == DemoIds.StadseZorg).ActorSubject;
        ListPage<AuditEntry> trail = async (order, token, size) =>
        {
            var r = await gemeente.ListAuditEntriesAsync(new() { ActorSubject = subject, OrderBy = order, PageToken = token, PageSize = size });
            return (r.Entries, r.NextPageToken);
        };
        SortedPages.AssertAscending(await SortedPages.CheckAsync(trail, "resource", e => e.Id, 2, 50), e => e.Resource);
        SortedPages.AssertAscending(await SortedPages.CheckAsync(trail, "purpose", e => e.Id, 2, 50), e => e.Purpose.ToLowerInvariant());
        await SortedPages.CheckRefusalsAsync(trail, "purpose");
    }

    private static HourEntryInput WithNote(HourEntryInput entry, string note)
    {
        entry.ActivityNote = note;
        return entry;
    }

    /// <summary>The sort key a client_name order promises (surname, then given names or initials, case ignored), read through GetClient.</summary>
    private sealed class ClientNames(ClientService.ClientServiceClient clients)
    {
        private readonly Dictionary<string, Client> seen = [];

        public string Key(string clientId)
        {
            var c = Get(clientId);
            var given = c.GivenNames.Length > 0 ? c.GivenNames : c.Initials;
            return $"{c.Surname.ToLowerInvariant()}\u0001{given.ToLowerInvariant()}";
        }

        public string Shown(string clientId) => $"{Get(clientId).Surname} {Get(clientId).GivenNames}";

        private Client Get(string clientId)
        {
            if (!seen.TryGetValue(clientId, out var client))
            {
                client = clients.GetClient(new GetClientRequest { ClientId = clientId }).Client;
                seen[clientId] = client;
            }
            return client;
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSortedByNameAndCodeTests(SqliteHosts hosts) : SortedByNameAndCodeTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSortedByNameAndCodeTests(PostgresHosts hosts) : SortedByNameAndCodeTests(hosts);
