using GonPortal.Contracts.V1;
using GonPortal.Server.Data;
using GonPortal.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GonPortal.Server.Tests.AccessMatrix.Scenario;
using static GonPortal.Server.Tests.Budgets.BudgetScenario;
using D = GonPortal.Domain.Budgets;

namespace GonPortal.Server.Tests.Budgets;

/// <summary>
/// The base year y0 of a base lumpsum (settlement-rules.md 1.1 §1) through the API, on a contract of its
/// own (area 2, a fresh hoofdaanbieder, years 2080-2097 that no other test indexes).
/// </summary>
public abstract class BaseYearFlowTests(GonHosts hosts)
{
    [Fact]
    public async Task Y0_defaults_to_the_year_before_the_period_indexes_the_first_year_and_one_after_the_first_year_is_refused()
    {
        hosts.RequireAvailable();
        var gemeente = await BudgetClient(hosts, Callers.Gemeente);
        var providers = new ProviderService.ProviderServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var ha = (await providers.CreateProviderAsync(NewProvider(OrganisationKind.Hoofdaanbieder))).Provider;
        var start = 2080 + Next() % 9 * 2; // 2080-2096, two years each
        var contract = (await providers.CreateAreaContractAsync(new()
        {
            RequestId = Guid.NewGuid().ToString(), AreaId = 2, HoofdaanbiederId = ha.Id,
            PeriodStart = Date(start, 1, 1), PeriodEnd = Date(start + 1, 12, 31),
        })).AreaContract;

        var set = (await gemeente.SetBaseLumpsumAsync(new() { AreaContractId = contract.Id, AmountCents = 12_345_678 })).BaseLumpsum;
        Assert.Equal(start - 1, set.BaseYear);
        await RpcAssert.InvalidFields(async () =>
            await gemeente.SetBaseLumpsumAsync(new() { AreaContractId = contract.Id, AmountCents = 99, BaseYear = start + 1 }), "base_year");
        var listed = Assert.Single((await gemeente.ListBaseLumpsumsAsync(new() { AreaId = 2 })).BaseLumpsums, b => b.AreaContractId == contract.Id);
        Assert.Equal((start - 1, 12_345_678L), (listed.BaseYear, listed.AmountCents));

        // i(start) = 3.12 %: 12,345,678 * 1.0312 = 12,730,863.1536 -> 12,730,863.
        await gemeente.SetIndexRateAsync(new() { Year = start, Kind = IndexKind.Prognosis, IndexBp = 312 });
        var calculation = (await gemeente.GetAreaBudgetAsync(new() { AreaId = 2, Year = start })).AreaBudget.Calculation;
        Assert.Equal(start - 1, calculation.BaseYear);
        var step = Assert.Single(calculation.Chain);
        Assert.Equal((start, 312, 12_730_863L), (step.Year, step.IndexBp, step.LumpsumCents));
        Assert.Equal(12_730_863, calculation.LumpsumCents);

        // y0 inside the period: L(start) = B, and the change of y0 is in the history.
        var inside = (await gemeente.SetBaseLumpsumAsync(new() { AreaContractId = contract.Id, AmountCents = 12_345_678, BaseYear = start })).BaseLumpsum;
        Assert.Equal(start, inside.BaseYear);
        var again = (await gemeente.GetAreaBudgetAsync(new() { AreaId = 2, Year = start })).AreaBudget.Calculation;
        Assert.Empty(again.Chain);
        Assert.Equal((start, 12_345_678L), (again.BaseYear, again.LumpsumCents));
        using var scope = hosts.ServerServices.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GonDbContext>();
        var history = await db.BudgetChanges.AsNoTracking()
            .Where(c => c.Figure == D.BudgetFigure.BaseYear && c.AreaContractId == Guid.Parse(contract.Id)).ToListAsync();
        Assert.Equal([(null, $"{start - 1}"), ($"{start - 1}", $"{start}")],
            history.OrderBy(c => c.ChangedAt).Select(c => (c.OldValue, c.NewValue)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteBaseYearFlowTests(SqliteHosts hosts) : BaseYearFlowTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresBaseYearFlowTests(PostgresHosts hosts) : BaseYearFlowTests(hosts);
