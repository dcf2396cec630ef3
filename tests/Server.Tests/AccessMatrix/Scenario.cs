using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.Infrastructure;
using GonPortal.HostContracts;
using Grpc.Core;
using OrganisationKind = GonPortal.Contracts.V1.OrganisationKind;

namespace GonPortal.Server.Tests.AccessMatrix;

/// <summary>
/// Builds what an RPC under test acts on, freshly for every cell, as its rightful owner — so each
/// cell of the matrix starts from the same state whatever ran before it.
/// </summary>
public sealed class Scenario(GonHosts hosts)
{
    private static int _counter = Random.Shared.Next(1000, 9000);

    public GonHosts Hosts => hosts;

    public static int Next() => Interlocked.Increment(ref _counter);

    public static Google.Type.Date Date(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public async Task<SubcontractService.SubcontractServiceClient> Subcontracts(string caller) => new(await hosts.InvokerFor(caller));

    public async Task<ProviderService.ProviderServiceClient> Providers(string caller) => new(await hosts.InvokerFor(caller));

    /// <summary>A valid proposal from <paramref name="hoofdaanbieder"/> to <paramref name="onderaannemer"/> in its first area.</summary>
    public static CreateSubcontractRequest Proposal(string hoofdaanbieder, string onderaannemer = Callers.OaDeLinde)
    {
        var areas = Callers.Organisation(hoofdaanbieder).AreaIds;
        var request = new CreateSubcontractRequest
        {
            RequestId = $"test-{Guid.NewGuid():N}",
            OnderaannemerId = Callers.Organisation(onderaannemer).Id.ToString(),
            ValidFrom = Date(2027, 2, 1),
            Rates = { new SubcontractRate { Product = Product.Begeleiding, Unit = Unit.Hour, RateCents = 6_500 } },
        };
        request.AreaIds.Add(areas.Count > 0 ? areas[0] : 1);
        return request;
    }

    public async Task<Subcontract> Proposed(string hoofdaanbieder, string onderaannemer = Callers.OaDeLinde)
    {
        var client = await Subcontracts(hoofdaanbieder);
        return (await client.CreateSubcontractAsync(Proposal(hoofdaanbieder, onderaannemer))).Subcontract;
    }

    public async Task<Subcontract> Consented(string hoofdaanbieder, string onderaannemer = Callers.OaDeLinde)
    {
        var proposed = await Proposed(hoofdaanbieder, onderaannemer);
        var gemeente = await Subcontracts(Callers.Gemeente);
        return (await gemeente.ConsentSubcontractAsync(new ConsentSubcontractRequest { SubcontractId = proposed.Id })).Subcontract;
    }

    /// <summary>A KvK number not used before in this run.</summary>
    public static string FreshKvk() => (40_000_000 + Next() * 7 % 9_999_999).ToString("D8");

    public static CreateProviderRequest NewProvider(OrganisationKind kind) => new()
    {
        RequestId = $"test-{Guid.NewGuid():N}",
        Name = $"Testaanbieder {Next()}",
        Kind = kind,
        KvkNumber = FreshKvk(),
    };

    public static DemoOrganisation Org(string caller) => Callers.Organisation(caller);

    public static Metadata None => [];
}
