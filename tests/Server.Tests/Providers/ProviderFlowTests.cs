using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Infrastructure;
using GonPortal.HostContracts;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using static GonPortal.Server.Tests.AccessMatrix.Scenario;
using OrganisationKind = GonPortal.Contracts.V1.OrganisationKind;

namespace GonPortal.Server.Tests.Providers;

/// <summary>Provider register, area contracts, reference data, health and reflection through the real API.</summary>
public abstract class ProviderFlowTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);

    [Fact]
    public async Task Reference_data_has_the_four_policy_areas_and_iwmo_codes()
    {
        hosts.RequireAvailable();
        var client = new ReferenceService.ReferenceServiceClient(await hosts.InvokerFor(Callers.Wij));
        var areas = (await client.ListAreasAsync(new())).Areas;
        Assert.Equal(["Centrum, Oude Wijken", "West", "Oost en Ten Boer", "Zuid en Haren"], areas.Select(a => a.Name));
        var products = (await client.ListProductsAsync(new())).Products;
        Assert.Equal(["02", "07", "04"], products.Select(p => p.IwmoCode));
        Assert.Equal([Unit.Etmaal], products.Single(p => p.Product == Product.KortdurendVerblijf).AllowedUnits);
        var units = (await client.ListUnitsAsync(new())).Units;
        Assert.Equal(["04", "16", "14"], units.Select(u => u.IwmoCode));
    }

    [Fact]
    public async Task Current_organisation_comes_from_the_token()
    {
        hosts.RequireAvailable();
        var me = await (await _s.Providers(Callers.HaStadse)).GetCurrentOrganisationAsync(new());
        Assert.Equal(DemoIds.StadseZorg, me.OrganisationId);
        Assert.Equal(Role.Hoofdaanbieder, me.Role);
        Assert.Equal(OrganisationKind.Hoofdaanbieder, me.Kind);
        Assert.Equal(Callers.MachineClient(Callers.HaStadse).ClientId, me.Subject);
        var wij = await (await _s.Providers(Callers.Wij)).GetCurrentOrganisationAsync(new());
        Assert.Equal(Role.Wij, wij.Role);
        Assert.Empty(wij.AreaIds);
    }

    [Fact]
    public async Task Demo_register_has_the_area_holders()
    {
        hosts.RequireAvailable();
        var client = await _s.Providers(Callers.OaAtelier);
        var contracts = (await client.ListAreaContractsAsync(new() { ActiveOn = Date(2027, 6, 1), PageSize = 500 })).AreaContracts;
        Assert.Equal([1, 2, 3, 4], contracts.Select(c => c.AreaId).Order());
        Assert.Equal(2, contracts.Count(c => c.HoofdaanbiederId == DemoIds.StadseZorg));
        var onderaannemers = (await client.ListProvidersAsync(new() { Kind = OrganisationKind.Onderaannemer, PageSize = 500 })).Providers;
        Assert.Contains(onderaannemers, p => p.Name == DemoData.DeLinde.Name && p.KvkNumber == DemoData.DeLinde.KvkNumber);
        Assert.All(onderaannemers, p => Assert.Equal(OrganisationKind.Onderaannemer, p.Kind));
    }

    [Fact]
    public async Task Create_provider_validates_every_field_and_stores_nothing_on_error()
    {
        hosts.RequireAvailable();
        var gemeente = await _s.Providers(Callers.Gemeente);
        var before = (await gemeente.ListProvidersAsync(new() { PageSize = 500 })).Providers.Count;
        await RpcAssert.InvalidFields(async () => await gemeente.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = "X",
            Kind = OrganisationKind.Gemeente,
            KvkNumber = "1234",
            AgbCode = "12",
        }), "name", "kind", "kvk_number", "agb_code");
        await RpcAssert.InvalidFields(async () => await gemeente.CreateProviderAsync(new CreateProviderRequest { Name = "Zonder sleutel", Kind = OrganisationKind.Onderaannemer, KvkNumber = FreshKvk() }), "request_id");
        Assert.Equal(before, (await gemeente.ListProvidersAsync(new() { PageSize = 500 })).Providers.Count);
    }

    [Fact]
    public async Task A_kvk_number_is_registered_once()
    {
        hosts.RequireAvailable();
        var gemeente = await _s.Providers(Callers.Gemeente);
        var request = NewProvider(OrganisationKind.Onderaannemer);
        var first = (await gemeente.CreateProviderAsync(request)).Provider;
        var again = (await gemeente.CreateProviderAsync(request)).Provider;
        Assert.Equal(first, again);
        var other = NewProvider(OrganisationKind.Onderaannemer);
        other.KvkNumber = request.KvkNumber;
        await RpcAssert.InvalidFields(async () => await gemeente.CreateProviderAsync(other), "kvk_number");
    }

    [Fact]
    public async Task Get_unknown_provider_is_not_found()
    {
        hosts.RequireAvailable();
        var client = await _s.Providers(Callers.HaZuid);
        await RpcAssert.Fails(StatusCode.NotFound, async () => await client.GetProviderAsync(new() { ProviderId = Guid.NewGuid().ToString() }));
        await RpcAssert.InvalidFields(async () => await client.GetProviderAsync(new() { ProviderId = "abc" }), "provider_id");
    }

    [Fact]
    public async Task Area_contracts_keep_one_holder_per_area_and_at_most_two_areas()
    {
        hosts.RequireAvailable();
        var gemeente = await _s.Providers(Callers.Gemeente);
        var ha = (await gemeente.CreateProviderAsync(NewProvider(OrganisationKind.Hoofdaanbieder))).Provider;
        var year = 3000 + Next() % 5000;
        CreateAreaContractRequest Contract(int area) => new()
        {
            RequestId = Guid.NewGuid().ToString(),
            AreaId = area,
            HoofdaanbiederId = ha.Id,
            PeriodStart = Date(year, 1, 1),
            PeriodEnd = Date(year, 12, 31),
        };
        var first = (await gemeente.CreateAreaContractAsync(Contract(1))).AreaContract;
        Assert.Equal(ha.Name, first.HoofdaanbiederName);
        await gemeente.CreateAreaContractAsync(Contract(2));
        await RpcAssert.InvalidFields(async () => await gemeente.CreateAreaContractAsync(Contract(3)), "hoofdaanbieder_id");

        var rival = (await gemeente.CreateProviderAsync(NewProvider(OrganisationKind.Hoofdaanbieder))).Provider;
        var clash = Contract(1);
        clash.HoofdaanbiederId = rival.Id;
        await RpcAssert.InvalidFields(async () => await gemeente.CreateAreaContractAsync(clash), "period_start");

        await RpcAssert.InvalidFields(async () => await gemeente.CreateAreaContractAsync(new() { RequestId = "x", AreaId = 7, HoofdaanbiederId = "nope" }),
            "hoofdaanbieder_id");
        await RpcAssert.InvalidFields(async () => await gemeente.CreateAreaContractAsync(new() { RequestId = "y", AreaId = 7, HoofdaanbiederId = ha.Id }),
            "area_id", "period_start", "period_end");
    }

    [Fact]
    public async Task List_filters_are_validated()
    {
        hosts.RequireAvailable();
        var client = await _s.Providers(Callers.HaOost);
        await RpcAssert.InvalidFields(async () => await client.ListAreaContractsAsync(new() { AreaId = 5, HoofdaanbiederId = "x", ActiveOn = Date(2027, 13, 1) }),
            "area_id", "hoofdaanbieder_id", "active_on");
        await RpcAssert.InvalidFields(async () => await client.ListProvidersAsync(new() { Kind = OrganisationKind.Wij, PageSize = 501 }), "kind", "page_size");
    }

    [Fact]
    public async Task Health_answers_without_a_token()
    {
        hosts.RequireAvailable();
        var invoker = await hosts.InvokerFor(Callers.Anonymous);
        var health = await new Health.HealthClient(invoker).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    /// <summary>
    /// The test hosts run as "Testing", like any non-Development deployment: reflection is not mapped, so an
    /// anonymous caller meets the fallback policy (unauthenticated) and a signed-in one finds no such method.
    /// </summary>
    [Theory]
    [InlineData(Callers.Anonymous, StatusCode.Unauthenticated)]
    [InlineData(Callers.Gemeente, StatusCode.Unimplemented)]
    public async Task Reflection_is_not_served_outside_development(string caller, StatusCode expected)
    {
        hosts.RequireAvailable();
        var invoker = await hosts.InvokerFor(caller);
        using var call = new ServerReflection.ServerReflectionClient(invoker).ServerReflectionInfo();
        // The server answers an unknown method at once, before any request message.
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(expected, error.StatusCode);
    }

    [Fact]
    public async Task A_token_with_a_broken_signature_is_unauthenticated()
    {
        hosts.RequireAvailable();
        var token = await hosts.TokenFor(Callers.HaStadse);
        var forged = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");
        var invoker = (await hosts.InvokerFor(Callers.Anonymous)).Intercept(m => { m.Add("Authorization", $"Bearer {forged}"); return m; });
        await RpcAssert.Fails(StatusCode.Unauthenticated, async () => await new ReferenceService.ReferenceServiceClient(invoker).ListAreasAsync(new()));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteProviderFlowTests(SqliteHosts hosts) : ProviderFlowTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresProviderFlowTests(PostgresHosts hosts) : ProviderFlowTests(hosts);
