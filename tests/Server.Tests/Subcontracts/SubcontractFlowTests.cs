using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Infrastructure;
using Grpc.Core;
using static GonPortal.Server.Tests.AccessMatrix.Scenario;

namespace GonPortal.Server.Tests.Subcontracts;

/// <summary>The subcontract lifecycle through the real API, with validation, idempotency and isolation.</summary>
public abstract class SubcontractFlowTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);

    private async Task<int> CountVisibleTo(string caller)
    {
        var client = await _s.Subcontracts(caller);
        var total = 0;
        var token = "";
        do
        {
            var page = await client.ListSubcontractsAsync(new ListSubcontractsRequest { PageSize = 500, PageToken = token });
            total += page.Subcontracts.Count;
            token = page.NextPageToken;
        }
        while (token != "");
        return total;
    }

    [Fact]
    public async Task Proposal_takes_effect_only_after_gemeente_consent_and_can_be_ended()
    {
        hosts.RequireAvailable();
        var proposed = await _s.Proposed(Callers.HaStadse);
        Assert.Equal(SubcontractState.Proposed, proposed.State);
        Assert.Equal(DemoNames.StadseZorg, proposed.HoofdaanbiederName);
        Assert.Equal(DemoNames.DeLinde, proposed.OnderaannemerName);

        var gemeente = await _s.Subcontracts(Callers.Gemeente);
        var consented = (await gemeente.ConsentSubcontractAsync(new() { SubcontractId = proposed.Id, ConsentReference = "BRF-2026-77" })).Subcontract;
        Assert.Equal(SubcontractState.Consented, consented.State);
        Assert.Equal("BRF-2026-77", consented.ConsentReference);
        Assert.False(string.IsNullOrEmpty(consented.DecidedBy));

        var onderaannemer = await _s.Subcontracts(Callers.OaDeLinde);
        var seen = (await onderaannemer.GetSubcontractAsync(new() { SubcontractId = proposed.Id })).Subcontract;
        Assert.Equal(SubcontractState.Consented, seen.State);

        var ha = await _s.Subcontracts(Callers.HaStadse);
        var ended = (await ha.EndSubcontractAsync(new() { SubcontractId = proposed.Id, EndDate = Date(2027, 6, 30), Reason = "Zorg zelf overgenomen" })).Subcontract;
        Assert.Equal(SubcontractState.Ended, ended.State);
        Assert.Equal(Date(2027, 6, 30), ended.ValidTo);
        Assert.Equal("Zorg zelf overgenomen", ended.CloseReason);
    }

    [Fact]
    public async Task Consenting_twice_is_failed_precondition_naming_the_state()
    {
        hosts.RequireAvailable();
        var consented = await _s.Consented(Callers.HaStadse);
        var gemeente = await _s.Subcontracts(Callers.Gemeente);
        var e = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await gemeente.ConsentSubcontractAsync(new() { SubcontractId = consented.Id }));
        Assert.Contains("Consented", e.Status.Detail);
    }

    [Fact]
    public async Task Ending_an_ended_subcontract_is_failed_precondition()
    {
        hosts.RequireAvailable();
        var consented = await _s.Consented(Callers.HaStadse);
        var ha = await _s.Subcontracts(Callers.HaStadse);
        await ha.EndSubcontractAsync(new() { SubcontractId = consented.Id, EndDate = Date(2027, 6, 30), Reason = "klaar" });
        await RpcAssert.Fails(StatusCode.FailedPrecondition, async () =>
            await ha.EndSubcontractAsync(new() { SubcontractId = consented.Id, EndDate = Date(2027, 5, 31), Reason = "nogmaals" }));
    }

    [Fact]
    public async Task Refusal_needs_a_reason_and_is_shown_to_the_hoofdaanbieder()
    {
        hosts.RequireAvailable();
        var proposed = await _s.Proposed(Callers.HaOost);
        var gemeente = await _s.Subcontracts(Callers.Gemeente);
        await RpcAssert.InvalidFields(async () => await gemeente.RefuseSubcontractAsync(new() { SubcontractId = proposed.Id }), "reason");
        await gemeente.RefuseSubcontractAsync(new() { SubcontractId = proposed.Id, Reason = "Geen KvK-uittreksel ontvangen" });
        var ha = await _s.Subcontracts(Callers.HaOost);
        var seen = (await ha.GetSubcontractAsync(new() { SubcontractId = proposed.Id })).Subcontract;
        Assert.Equal(SubcontractState.Refused, seen.State);
        Assert.Equal("Geen KvK-uittreksel ontvangen", seen.RefusalReason);
    }

    [Fact]
    public async Task An_invalid_proposal_names_every_field_and_stores_nothing()
    {
        hosts.RequireAvailable();
        var before = await CountVisibleTo(Callers.HaStadse);
        var ha = await _s.Subcontracts(Callers.HaStadse);
        var request = new CreateSubcontractRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            OnderaannemerId = DemoIds.OostZorg, // a hoofdaanbieder cannot be an onderaannemer
            AreaIds = { 3, 9 }, // 3 is not Stadse's; 9 does not exist
            Rates =
            {
                new SubcontractRate { Product = Product.KortdurendVerblijf, Unit = Unit.Hour, RateCents = 100 },
                new SubcontractRate { Product = Product.Begeleiding, Unit = Unit.Hour, RateCents = 0 },
            },
            ValidFrom = Date(2027, 3, 1),
            ValidTo = Date(2027, 2, 1),
        };
        await RpcAssert.InvalidFields(async () => await ha.CreateSubcontractAsync(request),
            "onderaannemer_id", "area_ids[0]", "area_ids[1]", "rates[0].unit", "rates[1].rate_cents", "valid_to");
        Assert.Equal(before, await CountVisibleTo(Callers.HaStadse));
    }

    [Theory]
    [InlineData("request_id")]
    [InlineData("onderaannemer_id")]
    [InlineData("valid_from")]
    public async Task Malformed_fields_are_invalid_argument(string field)
    {
        hosts.RequireAvailable();
        var ha = await _s.Subcontracts(Callers.HaStadse);
        var request = Proposal(Callers.HaStadse);
        switch (field)
        {
            case "request_id": request.RequestId = ""; break;
            case "onderaannemer_id": request.OnderaannemerId = "not-a-uuid"; break;
            case "valid_from": request.ValidFrom = Date(2027, 2, 30); break;
        }
        await RpcAssert.InvalidFields(async () => await ha.CreateSubcontractAsync(request), field);
    }

    [Fact]
    public async Task Repeating_a_create_with_the_same_request_id_returns_the_first_result()
    {
        hosts.RequireAvailable();
        var ha = await _s.Subcontracts(Callers.HaStadse);
        var request = Proposal(Callers.HaStadse);
        var first = (await ha.CreateSubcontractAsync(request)).Subcontract;
        var before = await CountVisibleTo(Callers.HaStadse);
        var second = (await ha.CreateSubcontractAsync(request)).Subcontract;
        Assert.Equal(first, second);
        Assert.Equal(before, await CountVisibleTo(Callers.HaStadse));
    }

    [Fact]
    public async Task Concurrent_creates_with_one_request_id_create_one_subcontract()
    {
        hosts.RequireAvailable();
        var ha = await _s.Subcontracts(Callers.HaStadse);
        var request = Proposal(Callers.HaStadse);
        var before = await CountVisibleTo(Callers.HaStadse);
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ => (await ha.CreateSubcontractAsync(request)).Subcontract.Id));
        Assert.Single(results.Distinct());
        Assert.Equal(before + 1, await CountVisibleTo(Callers.HaStadse));
    }

    [Fact]
    public async Task Reusing_a_request_id_for_other_content_is_refused()
    {
        hosts.RequireAvailable();
        var ha = await _s.Subcontracts(Callers.HaStadse);
        var request = Proposal(Callers.HaStadse);
        await ha.CreateSubcontractAsync(request);
        request.Rates[0].RateCents += 1;
        await RpcAssert.InvalidFields(async () => await ha.CreateSubcontractAsync(request), "request_id");
    }

    [Fact]
    public async Task The_same_request_id_of_another_tenant_is_independent()
    {
        hosts.RequireAvailable();
        var requestId = $"shared-{Guid.NewGuid():N}";
        var stadse = Proposal(Callers.HaStadse);
        stadse.RequestId = requestId;
        var oost = Proposal(Callers.HaOost);
        oost.RequestId = requestId;
        var a = (await (await _s.Subcontracts(Callers.HaStadse)).CreateSubcontractAsync(stadse)).Subcontract;
        var b = (await (await _s.Subcontracts(Callers.HaOost)).CreateSubcontractAsync(oost)).Subcontract;
        Assert.NotEqual(a.Id, b.Id);
    }

    [Fact]
    public async Task The_onderaannemer_of_two_hoofdaanbieders_sees_both_and_nothing_else()
    {
        hosts.RequireAvailable();
        var withStadse = await _s.Consented(Callers.HaStadse, Callers.OaDeLinde);
        var withOost = await _s.Consented(Callers.HaOost, Callers.OaDeLinde);
        var atelier = await _s.Proposed(Callers.HaStadse, Callers.OaAtelier);

        var list = (await (await _s.Subcontracts(Callers.OaDeLinde)).ListSubcontractsAsync(new() { PageSize = 500 })).Subcontracts;
        Assert.Contains(list, s => s.Id == withStadse.Id);
        Assert.Contains(list, s => s.Id == withOost.Id);
        Assert.DoesNotContain(list, s => s.Id == atelier.Id);
        Assert.All(list, s => Assert.Equal(DemoIds.DeLinde, s.OnderaannemerId));

        // Filtering on the other hoofdaanbieder narrows, it never widens.
        var onlyOost = (await (await _s.Subcontracts(Callers.OaDeLinde)).ListSubcontractsAsync(new() { HoofdaanbiederId = DemoIds.OostZorg, PageSize = 500 })).Subcontracts;
        Assert.All(onlyOost, s => Assert.Equal(DemoIds.OostZorg, s.HoofdaanbiederId));
        Assert.Contains(onlyOost, s => s.Id == withOost.Id);
    }

    [Fact]
    public async Task A_hoofdaanbieder_sees_none_of_another_hoofdaanbieders_relations()
    {
        hosts.RequireAvailable();
        var oost = await _s.Consented(Callers.HaOost, Callers.OaDeLinde);
        var stadseList = (await (await _s.Subcontracts(Callers.HaStadse)).ListSubcontractsAsync(new() { PageSize = 500, HoofdaanbiederId = DemoIds.OostZorg })).Subcontracts;
        Assert.Empty(stadseList);
        var all = (await (await _s.Subcontracts(Callers.HaStadse)).ListSubcontractsAsync(new() { PageSize = 500 })).Subcontracts;
        Assert.DoesNotContain(all, s => s.Id == oost.Id);
        Assert.All(all, s => Assert.Equal(DemoIds.StadseZorg, s.HoofdaanbiederId));
    }

    [Fact]
    public async Task Gemeente_reads_across_tenants_are_audited_with_purpose()
    {
        hosts.RequireAvailable();
        var sub = await _s.Proposed(Callers.HaZuid, Callers.OaNoorderlicht);
        var purpose = $"Controle toestemmingsverzoek {Guid.NewGuid():N}";
        var gemeente = new SubcontractService.SubcontractServiceClient(await hosts.InvokerFor(Callers.Gemeente, purpose));
        var seen = (await gemeente.GetSubcontractAsync(new() { SubcontractId = sub.Id })).Subcontract;
        Assert.Equal(DemoIds.ZuidZorg, seen.HoofdaanbiederId);

        var audit = new AuditService.AuditServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var entries = (await audit.ListAuditEntriesAsync(new() { PageSize = 500 })).Entries;
        var entry = Assert.Single(entries, e => e.Purpose == purpose);
        Assert.Equal("/gon.v1.SubcontractService/GetSubcontract", entry.Method);
        Assert.Equal($"Subcontract {sub.Id}", entry.Resource);
        Assert.Equal("read", entry.Access);
        Assert.Equal(Role.Gemeente, entry.ActorRole);
        Assert.Equal(DemoIds.Gemeente, entry.ActorOrganisationId);
    }

    [Fact]
    public async Task Gemeente_consent_is_audited_as_a_write()
    {
        hosts.RequireAvailable();
        var sub = await _s.Proposed(Callers.HaZuid, Callers.OaNoorderlicht);
        var purpose = $"Toestemming {Guid.NewGuid():N}";
        var gemeente = new SubcontractService.SubcontractServiceClient(await hosts.InvokerFor(Callers.Gemeente, purpose));
        await gemeente.ConsentSubcontractAsync(new() { SubcontractId = sub.Id });
        var entries = (await new AuditService.AuditServiceClient(await hosts.InvokerFor(Callers.Gemeente)).ListAuditEntriesAsync(new() { PageSize = 500 })).Entries;
        Assert.Contains(entries, e => e.Purpose == purpose && e.Access == "write" && e.Resource == $"Subcontract {sub.Id}");
    }

    [Fact]
    public async Task Paging_walks_every_row_once()
    {
        hosts.RequireAvailable();
        for (var i = 0; i < 3; i++)
        {
            await _s.Proposed(Callers.HaZuid, Callers.OaNoorderlicht);
        }
        var client = await _s.Subcontracts(Callers.HaZuid);
        var all = (await client.ListSubcontractsAsync(new() { PageSize = 500 })).Subcontracts.Select(s => s.Id).ToList();
        var paged = new List<string>();
        var token = "";
        do
        {
            var page = await client.ListSubcontractsAsync(new() { PageSize = 2, PageToken = token });
            Assert.True(page.Subcontracts.Count <= 2);
            paged.AddRange(page.Subcontracts.Select(s => s.Id));
            token = page.NextPageToken;
        }
        while (token != "");
        Assert.Equal(all, paged);
        await RpcAssert.InvalidFields(async () => await client.ListSubcontractsAsync(new() { PageSize = 501, PageToken = "bogus" }), "page_size", "page_token");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSubcontractFlowTests(SqliteHosts hosts) : SubcontractFlowTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSubcontractFlowTests(PostgresHosts hosts) : SubcontractFlowTests(hosts);
