using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using static GonPortal.Server.Tests.AccessMatrix.AccessProcessScenario;
using static GonPortal.Server.Tests.ErrorModel.ErrorInfoAssert;

namespace GonPortal.Server.Tests.ErrorModel;

/// <summary>
/// Each status kind, and a few domain preconditions, answer with a reason code and the values a client
/// needs to say it in its own words (google.rpc.ErrorInfo, domain gon.v1).
/// </summary>
public abstract class ErrorInfoTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);

    [Fact]
    public async Task Invalid_input_carries_field_violations_each_with_a_reason_and_the_count()
    {
        hosts.RequireAvailable();
        var request = NewClient(1);
        request.Bsn = "123456788";
        request.GivenNames = "";
        request.Initials = "";
        request.DateOfBirth = Scenario.Date(2099, 1, 1);
        var e = await RpcAssert.Fails(StatusCode.InvalidArgument, async () => await (await _s.Clients(Callers.HaStadse)).CreateClientAsync(request));
        var info = Reason(e, "FIELD_VIOLATIONS");
        var violations = e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.ToDictionary(v => v.Field, v => v.Reason);
        Assert.Equal($"{violations.Count}", info.Metadata["count"]);
        Assert.Equal("REQUIRED", violations["given_names"]);
        Assert.Equal("INVALID_BSN", violations["bsn"]);
        Assert.Equal("NOT_IN_FUTURE", violations["date_of_birth"]);
    }

    [Fact]
    public async Task What_the_caller_may_not_see_is_not_found_with_the_kind_of_thing()
    {
        hosts.RequireAvailable();
        var client = await _s.Client(Callers.HaStadse, 1);
        var e = await RpcAssert.Fails(StatusCode.NotFound, async () => await (await _s.Clients(Callers.HaOost)).GetClientAsync(new() { ClientId = client.Id }));
        var info = Reason(e, "CLIENT_NOT_FOUND");
        Assert.Equal("Client", info.Metadata["resource"]);
    }

    [Fact]
    public async Task A_role_refused_by_the_method_attribute_carries_role_not_allowed()
    {
        hosts.RequireAvailable();
        var e = await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await (await _s.Clients(Callers.Gemeente)).CreateClientAsync(NewClient(1)));
        Reason(e, "ROLE_NOT_ALLOWED");
    }

    [Fact]
    public async Task A_role_refused_inside_the_service_carries_role_not_allowed()
    {
        hosts.RequireAvailable();
        var e = await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await (await _s.Clients(Callers.OaDeLinde)).ListClientsAsync(new() { Bsn = NewBsn() }));
        Reason(e, "ROLE_NOT_ALLOWED");
    }

    [Fact]
    public async Task An_area_the_hoofdaanbieder_does_not_hold_names_the_area()
    {
        hosts.RequireAvailable();
        var budgets = new BudgetService.BudgetServiceClient(await hosts.InvokerFor(Callers.HaStadse));
        var e = await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await budgets.ListBaseLumpsumsAsync(new() { AreaId = 3 }));
        var info = Reason(e, "AREA_NOT_HELD");
        Assert.Equal("3", info.Metadata["area_id"]);
    }

    [Fact]
    public async Task Accepting_a_returned_referral_says_the_referral_is_not_open_and_its_state()
    {
        hosts.RequireAvailable();
        var referral = await _s.Referred(1);
        var ha = await _s.Clients(Callers.HaStadse);
        await ha.ReturnReferralAsync(new() { ReferralId = referral.Id, Reason = "Buiten GON-scope" });
        var e = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await ha.AcceptReferralAsync(new() { ReferralId = referral.Id }));
        var info = Reason(e, "REFERRAL_NOT_OPEN");
        Assert.Equal("REFERRAL_STATE_RETURNED", info.Metadata["state"]);
    }

    [Fact]
    public async Task Approving_an_arrangement_in_the_wrong_state_names_the_state_and_what_was_needed()
    {
        hosts.RequireAvailable();
        var decided = await _s.Decided(SupportType.Basis);
        var wij = await _s.Arrangements(Callers.Wij);
        var e = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await wij.ApproveArrangementAsync(new() { ArrangementId = decided.Id }));
        var info = Reason(e, "ARRANGEMENT_WRONG_STATE");
        Assert.Equal("ARRANGEMENT_STATE_DECIDED", info.Metadata["state"]);
        Assert.Equal("ARRANGEMENT_STATE_AWAITING_WIJ_APPROVAL", info.Metadata["allowed"]);
    }

    [Fact]
    public async Task A_subcontract_consented_twice_names_its_state()
    {
        hosts.RequireAvailable();
        var consented = await _s.Consented(Callers.HaStadse);
        var gemeente = await _s.Subcontracts(Callers.Gemeente);
        var e = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await gemeente.ConsentSubcontractAsync(new() { SubcontractId = consented.Id }));
        var info = Reason(e, "SUBCONTRACT_WRONG_STATE");
        Assert.Equal("CONSENTED", info.Metadata["state"]);
        Assert.Equal("PROPOSED", info.Metadata["required"]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteErrorInfoTests(SqliteHosts hosts) : ErrorInfoTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresErrorInfoTests(PostgresHosts hosts) : ErrorInfoTests(hosts);
