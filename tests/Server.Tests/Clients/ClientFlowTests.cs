using GonPortal.Contracts.V1;
using GonPortal.Server.Data;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GonPortal.Server.Tests.AccessMatrix.AccessProcessScenario;
using static GonPortal.Server.Tests.AccessMatrix.Scenario;

namespace GonPortal.Server.Tests.Clients;

/// <summary>Client registration, BSN protection and visibility, and WIJ referrals through the real API.</summary>
public abstract class ClientFlowTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);

    [Fact]
    public async Task A_hoofdaanbieder_registers_a_client_with_normalised_fields_and_sees_the_bsn()
    {
        hosts.RequireAvailable();
        var request = NewClient(1);
        request.Postcode = "9711 ab";
        var response = await (await _s.Clients(Callers.HaStadse)).CreateClientAsync(request);
        Assert.False(response.Existing);
        var client = response.Client;
        Assert.Equal(request.Bsn, client.Bsn);
        Assert.Equal("9711AB", client.Postcode);
        Assert.Equal($"G. van der {request.Surname}", client.DisplayName);
        Assert.Equal(1, client.AreaId);
        Assert.Equal(DemoIds.StadseZorg, client.CreatedByOrganisationId);
        Assert.Equal("050-1234567", client.ContactDetails.PhoneNumber);
    }

    [Fact]
    public async Task The_same_bsn_twice_in_an_area_returns_the_existing_client()
    {
        hosts.RequireAvailable();
        var ha = await _s.Clients(Callers.HaStadse);
        var first = NewClient(1);
        var created = (await ha.CreateClientAsync(first)).Client;
        var again = NewClient(1, first.Bsn);
        again.Surname = "Anders";
        var second = await ha.CreateClientAsync(again);
        Assert.True(second.Existing);
        Assert.Equal(created.Id, second.Client.Id);
        Assert.Equal(first.Surname, second.Client.Surname);
        var found = await ha.ListClientsAsync(new() { Bsn = first.Bsn });
        Assert.Single(found.Clients);

        // The same person in another area is another client.
        var other = (await ha.CreateClientAsync(NewClient(2, first.Bsn))).Client;
        Assert.NotEqual(created.Id, other.Id);
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_bsn_give_one_client()
    {
        hosts.RequireAvailable();
        var ha = await _s.Clients(Callers.HaStadse);
        var bsn = NewBsn();
        // Different request ids, same person: only the BSN's unique index can decide between them.
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ => await ha.CreateClientAsync(NewClient(1, bsn))));
        Assert.Single(responses.Select(r => r.Client.Id).Distinct());
        Assert.Single(responses, r => !r.Existing);
        Assert.Single((await ha.ListClientsAsync(new() { Bsn = bsn })).Clients);
    }

    [Fact]
    public async Task Wij_registering_a_known_resident_gets_the_existing_client_and_may_then_see_it()
    {
        hosts.RequireAvailable();
        var ha = await _s.Clients(Callers.HaStadse);
        var request = NewClient(1);
        var created = (await ha.CreateClientAsync(request)).Client;
        var wij = await _s.Clients(Callers.Wij);
        await RpcAssert.Fails(StatusCode.NotFound, async () => await wij.GetClientAsync(new() { ClientId = created.Id }));
        var repeat = NewClient(1, request.Bsn);
        var response = await wij.CreateClientAsync(repeat);
        Assert.True(response.Existing);
        Assert.Equal(created.Id, response.Client.Id);
        Assert.Equal(request.Bsn, (await wij.GetClientAsync(new() { ClientId = created.Id })).Client.Bsn);
    }

    [Fact]
    public async Task An_invalid_registration_names_every_field_never_echoes_the_bsn_and_stores_nothing()
    {
        hosts.RequireAvailable();
        var ha = await _s.Clients(Callers.HaStadse);
        var request = NewClient(1);
        request.Bsn = "123456788"; // fails the elfproef
        request.GivenNames = "";
        request.Initials = "";
        request.Surname = "";
        request.DateOfBirth = Date(2099, 1, 1);
        request.Postcode = "0123AB";
        request.ContactDetails = new ContactDetails { Email = "geen-adres", PhoneNumber = "bel mij" };
        var violations = await RpcAssert.InvalidFields(async () => await ha.CreateClientAsync(request),
            "bsn", "given_names", "surname", "date_of_birth", "postcode", "contact_details.email", "contact_details.phone_number");
        Assert.All(violations, v => Assert.DoesNotContain("123456788", v.Description));
        var e = await RpcAssert.Fails(StatusCode.InvalidArgument, async () => await ha.CreateClientAsync(request));
        Assert.DoesNotContain("123456788", e.Status.Detail);
        Assert.DoesNotContain((await ha.ListClientsAsync(new() { Query = "Molen", PageSize = 500 })).Clients, c => c.Surname == request.Surname);
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("1234567890")]
    [InlineData("12345678a")]
    [InlineData("000000000")]
    [InlineData("111222334")]
    public async Task A_bsn_must_be_nine_digits_that_pass_the_elfproef(string bsn)
    {
        hosts.RequireAvailable();
        var request = NewClient(1);
        request.Bsn = bsn;
        await RpcAssert.InvalidFields(async () => await (await _s.Clients(Callers.HaStadse)).CreateClientAsync(request), "bsn");
    }

    [Fact]
    public async Task A_hoofdaanbieder_registers_only_in_an_area_it_holds()
    {
        hosts.RequireAvailable();
        await RpcAssert.InvalidFields(async () => await (await _s.Clients(Callers.HaStadse)).CreateClientAsync(NewClient(3)), "area_id");
        await RpcAssert.InvalidFields(async () => await (await _s.Clients(Callers.HaStadse)).CreateClientAsync(NewClient(7)), "area_id");
    }

    [Fact]
    public async Task The_bsn_is_stored_encrypted_with_a_keyed_hash()
    {
        hosts.RequireAvailable();
        var client = await _s.Client(Callers.HaStadse, 1);
        using var scope = hosts.ServerServices.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GonDbContext>();
        var stored = await db.Clients.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == Guid.Parse(client.Id));
        var plain = System.Text.Encoding.UTF8.GetBytes(client.Bsn);
        Assert.Equal(12 + 9 + 16, stored.BsnCipher.Length);
        Assert.Equal(-1, stored.BsnCipher.AsSpan().IndexOf(plain));
        Assert.Equal(32, stored.BsnHash.Length);
        Assert.NotEqual(System.Security.Cryptography.SHA256.HashData(plain), stored.BsnHash);
    }

    [Fact]
    public async Task An_onderaannemer_sees_only_clients_it_executes_for_and_never_the_bsn()
    {
        hosts.RequireAvailable();
        var arrangement = await _s.DecidedForDeLinde();
        var delinde = await _s.Clients(Callers.OaDeLinde);
        var seen = (await delinde.GetClientAsync(new() { ClientId = arrangement.ClientId })).Client;
        Assert.Equal("", seen.Bsn);
        Assert.NotEqual("", seen.DisplayName);
        var listed = await delinde.ListClientsAsync(new() { PageSize = 500 });
        Assert.All(listed.Clients, c => Assert.Equal("", c.Bsn));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await delinde.ListClientsAsync(new() { Bsn = NewBsn() }));
        var atelier = await _s.Clients(Callers.OaAtelier);
        await RpcAssert.Fails(StatusCode.NotFound, async () => await atelier.GetClientAsync(new() { ClientId = arrangement.ClientId }));
    }

    [Fact]
    public async Task The_gemeente_reads_every_client_with_bsn_and_each_read_is_audited()
    {
        hosts.RequireAvailable();
        var client = await _s.Client(Callers.HaOost, 3);
        var gemeente = await _s.Clients(Callers.Gemeente);
        var seen = (await gemeente.GetClientAsync(new() { ClientId = client.Id })).Client;
        Assert.Equal(client.Bsn, seen.Bsn);
        var audit = new AuditService.AuditServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var entries = await audit.ListAuditEntriesAsync(new() { PageSize = 200 });
        Assert.Contains(entries.Entries, e => e.Resource == $"Client {client.Id}" && e.Access == "read");
        Assert.All(entries.Entries, e => Assert.DoesNotContain(client.Bsn, e.Resource));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await gemeente.CreateClientAsync(NewClient(1)));
    }

    [Fact]
    public async Task Search_matches_the_start_of_names_without_case_or_accents()
    {
        hosts.RequireAvailable();
        var ha = await _s.Clients(Callers.HaOost);
        var request = NewClient(3);
        var unique = $"Çelik{Next()}";
        request.Surname = unique;
        request.GivenNames = "Émile";
        request.Initials = "";
        await ha.CreateClientAsync(request);
        var folded = "celik" + unique[5..];
        Assert.Single((await ha.ListClientsAsync(new() { Query = folded })).Clients);
        Assert.Single((await ha.ListClientsAsync(new() { Query = folded.ToUpperInvariant() })).Clients);
        Assert.Contains((await ha.ListClientsAsync(new() { Query = "emile", PageSize = 500 })).Clients, c => c.Surname == unique);
        Assert.DoesNotContain((await ha.ListClientsAsync(new() { Query = "lik" + unique[5..], PageSize = 500 })).Clients, c => c.Surname == unique);
        await RpcAssert.InvalidFields(async () => await ha.ListClientsAsync(new() { Query = "c" }), "query");
    }

    [Fact]
    public async Task Listing_is_isolated_per_hoofdaanbieder()
    {
        hosts.RequireAvailable();
        var stadse = await _s.Client(Callers.HaStadse, 1);
        var oost = await _s.Clients(Callers.HaOost);
        var page = await oost.ListClientsAsync(new() { PageSize = 500, Query = stadse.Surname });
        Assert.Empty(page.Clients);
        await RpcAssert.Fails(StatusCode.NotFound, async () => await oost.GetClientAsync(new() { ClientId = stadse.Id }));
    }

    [Fact]
    public async Task Repeating_a_create_with_the_same_request_id_returns_the_first_result()
    {
        hosts.RequireAvailable();
        var ha = await _s.Clients(Callers.HaStadse);
        var request = NewClient(1);
        var first = await ha.CreateClientAsync(request);
        var second = await ha.CreateClientAsync(request);
        Assert.Equal(first, second);
        var changed = request.Clone();
        changed.Surname = "Anders";
        await RpcAssert.InvalidFields(async () => await ha.CreateClientAsync(changed), "request_id");
    }

    [Fact]
    public async Task Contact_details_are_replaced_by_the_hoofdaanbieder_or_wij()
    {
        hosts.RequireAvailable();
        var client = await _s.Client(Callers.Wij, 1);
        var ha = await _s.Clients(Callers.HaStadse);
        var updated = (await ha.UpdateClientContactDetailsAsync(new() { ClientId = client.Id, ContactDetails = new() { Email = "inwoner@example.nl" } })).Client;
        Assert.Equal("inwoner@example.nl", updated.ContactDetails.Email);
        Assert.Equal("", updated.ContactDetails.PhoneNumber);
        Assert.NotNull(updated.UpdatedAt);
        var wij = await _s.Clients(Callers.Wij);
        var cleared = (await wij.UpdateClientContactDetailsAsync(new() { ClientId = client.Id })).Client;
        Assert.Null(cleared.ContactDetails);
        await RpcAssert.InvalidFields(async () => await wij.UpdateClientContactDetailsAsync(new() { ClientId = client.Id, ContactDetails = new() { Email = "x" } }),
            "contact_details.email");
    }

    [Fact]
    public async Task A_referral_is_seen_by_the_area_holder_accepted_and_shows_its_arrangements()
    {
        hosts.RequireAvailable();
        var referral = await _s.Referred(1);
        Assert.Equal(ReferralState.Referred, referral.State);
        Assert.Equal(DemoIds.StadseZorg, referral.HoofdaanbiederId);
        Assert.Equal(DemoNames.StadseZorg, referral.HoofdaanbiederName);
        Assert.Equal(2, referral.Goals.Count);
        var ha = await _s.Clients(Callers.HaStadse);
        Assert.Equal(referral.Id, (await ha.GetReferralAsync(new() { ReferralId = referral.Id })).Referral.Id);
        var oost = await _s.Clients(Callers.HaOost);
        await RpcAssert.Fails(StatusCode.NotFound, async () => await oost.GetReferralAsync(new() { ReferralId = referral.Id }));

        var accepted = (await ha.AcceptReferralAsync(new() { ReferralId = referral.Id })).Referral;
        Assert.Equal(ReferralState.Accepted, accepted.State);
        Assert.NotNull(accepted.AcceptedAt);
        Assert.Equal(accepted, (await ha.AcceptReferralAsync(new() { ReferralId = referral.Id })).Referral); // idempotent

        var arrangement = (await (await _s.Arrangements(Callers.HaStadse)).CreateArrangementAsync(new()
        {
            RequestId = Guid.NewGuid().ToString(),
            ClientId = referral.ClientId,
            EntryChannel = EntryChannel.WijReferral,
            ReferralId = referral.Id,
        })).Arrangement;
        var wij = await _s.Clients(Callers.Wij);
        var outcome = (await wij.GetReferralAsync(new() { ReferralId = referral.Id })).Referral;
        Assert.Equal(ReferralState.Accepted, outcome.State);
        Assert.Equal([arrangement.Id], outcome.ArrangementIds);
        var listed = await wij.ListReferralsAsync(new() { ClientId = referral.ClientId });
        Assert.Single(listed.Referrals);
    }

    [Fact]
    public async Task A_returned_referral_cannot_be_accepted_and_the_error_names_the_state()
    {
        hosts.RequireAvailable();
        var referral = await _s.Referred(1);
        var ha = await _s.Clients(Callers.HaStadse);
        await RpcAssert.InvalidFields(async () => await ha.ReturnReferralAsync(new() { ReferralId = referral.Id }), "reason");
        var returned = (await ha.ReturnReferralAsync(new() { ReferralId = referral.Id, Reason = "Buiten GON-scope" })).Referral;
        Assert.Equal(ReferralState.Returned, returned.State);
        Assert.Equal("Buiten GON-scope", returned.CloseReason);
        var e = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await ha.AcceptReferralAsync(new() { ReferralId = referral.Id }));
        Assert.Contains("REFERRAL_STATE_RETURNED", e.Status.Detail);
        var wij = await _s.Clients(Callers.Wij);
        await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await wij.WithdrawReferralAsync(new() { ReferralId = referral.Id, Reason = "Toch niet" }));
    }

    [Fact]
    public async Task Wij_withdraws_a_waiting_referral()
    {
        hosts.RequireAvailable();
        var referral = await _s.Referred(3);
        Assert.Equal(DemoIds.OostZorg, referral.HoofdaanbiederId);
        var wij = await _s.Clients(Callers.Wij);
        var withdrawn = (await wij.WithdrawReferralAsync(new() { ReferralId = referral.Id, Reason = "Inwoner verhuisd" })).Referral;
        Assert.Equal(ReferralState.Withdrawn, withdrawn.State);
        var ha = await _s.Clients(Callers.HaOost);
        await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await ha.AcceptReferralAsync(new() { ReferralId = referral.Id }));
    }

    [Fact]
    public async Task An_invalid_referral_names_every_field_and_stores_nothing()
    {
        hosts.RequireAvailable();
        var client = await _s.Client(Callers.Wij, 1);
        var wij = await _s.Clients(Callers.Wij);
        var request = NewReferral(client.Id);
        request.Goals.Clear();
        request.IndicatedProducts.Add(Product.Begeleiding);
        request.WijTeam = new string('x', 101);
        await RpcAssert.InvalidFields(async () => await wij.CreateReferralAsync(request), "goals", "indicated_products[1]", "wij_team");
        var shortGoal = NewReferral(client.Id);
        shortGoal.Goals.Add("ok");
        await RpcAssert.InvalidFields(async () => await wij.CreateReferralAsync(shortGoal), "goals[2]");
        Assert.Empty((await wij.ListReferralsAsync(new() { ClientId = client.Id })).Referrals);
    }

    [Fact]
    public async Task Wij_may_refer_only_clients_it_may_see()
    {
        hosts.RequireAvailable();
        var client = await _s.Client(Callers.HaStadse, 1);
        var wij = await _s.Clients(Callers.Wij);
        await RpcAssert.Fails(StatusCode.NotFound, async () => await wij.CreateReferralAsync(NewReferral(client.Id)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteClientFlowTests(SqliteHosts hosts) : ClientFlowTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresClientFlowTests(PostgresHosts hosts) : ClientFlowTests(hosts);
