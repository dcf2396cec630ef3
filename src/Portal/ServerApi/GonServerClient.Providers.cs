using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

public sealed partial class GonServerClient
{
    public Task<ServerResult<OrganisationView>> GetCurrentOrganisationAsync(IReadOnlyDictionary<int, string>? areaNames = null, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(ProviderService.ProviderServiceClient.GetCurrentOrganisation), async options =>
        {
            var response = await providers.GetCurrentOrganisationAsync(new GetCurrentOrganisationRequest(), options);
            return new OrganisationView(
                response.OrganisationId,
                response.OrganisationName,
                DutchLabels.Of(response.Kind),
                DutchLabels.Of(response.Role),
                response.AreaIds.Select(id => AreaName(areaNames, id)).ToList(),
                response.AreaIds.ToList());
        }, cancellationToken);

    public Task<ServerResult<IReadOnlyList<ProviderView>>> ListOnderaannemersAsync(CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<ProviderView>>(nameof(ProviderService.ProviderServiceClient.ListProviders), async options =>
        {
            var response = await providers.ListProvidersAsync(
                new ListProvidersRequest { Kind = OrganisationKind.Onderaannemer, PageSize = 500 }, options);
            return response.Providers.Select(p => new ProviderView(p.Id, p.Name)).ToList();
        }, cancellationToken);

    public Task<ServerResult<IReadOnlyList<AreaView>>> ListAreasAsync(CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<AreaView>>(nameof(ReferenceService.ReferenceServiceClient.ListAreas), async options =>
        {
            var response = await reference.ListAreasAsync(new ListAreasRequest(), options);
            return response.Areas.Select(a => new AreaView(a.Id, a.Code, a.Name)).ToList();
        }, cancellationToken);

    public Task<ServerResult<IReadOnlyList<ProductView>>> ListProductsAsync(CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<ProductView>>(nameof(ReferenceService.ReferenceServiceClient.ListProducts), async options =>
        {
            var response = await reference.ListProductsAsync(new ListProductsRequest(), options);
            return response.Products.Select(p => new ProductView(p.Product, p.Name, p.AllowedUnits.ToList())).ToList();
        }, cancellationToken);

    /// <summary>The name of the hoofdaanbieder whose area contract covers the date.</summary>
    public Task<ServerResult<string?>> ListAreaHolderAsync(int areaId, DateOnly? date, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(ProviderService.ProviderServiceClient.ListAreaContracts), async options =>
        {
            var response = await providers.ListAreaContractsAsync(new ListAreaContractsRequest { AreaId = areaId, ActiveOn = ToProtoDate(date) }, options);
            return response.AreaContracts.Select(c => c.HoofdaanbiederName).FirstOrDefault();
        }, cancellationToken);

    /// <summary>The area contracts of an area (0: all), oldest first.</summary>
    public Task<ServerResult<IReadOnlyList<AreaContractView>>> ListAreaContractsAsync(int areaId, CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<AreaContractView>>(nameof(ProviderService.ProviderServiceClient.ListAreaContracts), async options =>
            (await providers.ListAreaContractsAsync(new ListAreaContractsRequest { AreaId = areaId, PageSize = 500 }, options)).AreaContracts
                .Select(c => new AreaContractView(c.Id, c.AreaId, c.HoofdaanbiederName, ToDateOnly(c.PeriodStart), ToDateOnly(c.PeriodEnd)))
                .OrderBy(c => c.AreaId).ThenBy(c => c.PeriodStart)
                .ToList(),
            cancellationToken);
}
