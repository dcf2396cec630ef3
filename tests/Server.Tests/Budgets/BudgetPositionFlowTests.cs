using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Hours;
using GonPortal.Server.Tests.Infrastructure;
using GonPortal.Server.Tests.Settlements;
using Grpc.Core;

namespace GonPortal.Server.Tests.Budgets;

/// <summary>
/// GetBudgetPosition against figures read independently through the API: the advances from
/// GetAreaBudget, the statements from SettlementService, the PGB settlement, the reference rate. The
/// collection shares one database, so the own-hours figure is checked as a difference before/after.
/// </summary>
public abstract class BudgetPositionFlowTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);

    [Fact]
    public async Task The_position_adds_up_statements_own_hours_and_the_pgb_settlement()
    {
        hosts.RequireAvailable();
        var stadse = new BudgetService.BudgetServiceClient(await hosts.InvokerFor(Callers.HaStadse));
        var before = (await stadse.GetBudgetPositionAsync(new() { AreaId = 1, Year = 2027, Month = 8 })).BudgetPosition;

        // Own staff: 75 minutes in August on an arrangement Stadse executes itself, approved.
        var own = await _s.Active();
        var haHours = await _s.Hours(Callers.HaStadse);
        var ownEntry = (await haHours.BatchCreateHourEntriesAsync(new() { Entries = { HourScenario.Entry(own, 8, 4, 75) } })).HourEntries.Single();
        await haHours.ApproveHourEntriesAsync(new() { HourEntryIds = { ownEntry.Id } });
        // Subcontractor: 45 minutes in August by De Linde, approved, and August's statements run.
        var (executed, _) = await _s.ActiveExecutedBy(1);
        var delinde = await _s.Hours(Callers.OaDeLinde);
        var theirs = (await delinde.BatchCreateHourEntriesAsync(new() { Entries = { HourScenario.Entry(executed, 8, 5, 45) } })).HourEntries.Single();
        await haHours.ApproveHourEntriesAsync(new() { HourEntryIds = { theirs.Id } });
        await _s.RunAsync(SettlementRunKind.SubcontractorStatements, 0, 2027, 8);

        var p = (await stadse.GetBudgetPositionAsync(new() { AreaId = 1, Year = 2027, Month = 8 })).BudgetPosition;
        Assert.Equal((1, 2027, 8), (p.AreaId, p.Year, p.Month));
        Assert.Equal(75, p.OwnApprovedMinutesToDate - before.OwnApprovedMinutesToDate);

        var budget = (await stadse.GetAreaBudgetAsync(new() { AreaId = 1, Year = 2027 })).AreaBudget;
        Assert.Equal(budget.Calculation.TotalLumpsumCents, p.TotalLumpsumCents);
        Assert.Equal(budget.MonthlyAdvances.Take(8).Sum(a => a.AmountCents), p.AdvancesToDateCents);

        var settlements = await _s.Settlements(Callers.HaStadse);
        // Every page: the shared test database holds a statement per subcontract and month, hundreds by now.
        var statements = new List<SubcontractorStatement>();
        var token = "";
        do
        {
            var page = await settlements.ListSubcontractorStatementsAsync(new() { Year = 2027, PageSize = 500, PageToken = token });
            statements.AddRange(page.SubcontractorStatements);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        var expectedSubcontractor = statements.Where(s => s.Month <= 8).SelectMany(s => s.Lines).Where(l => l.AreaId == 1).Sum(l => l.AmountCents);
        Assert.Equal(expectedSubcontractor, p.SubcontractorCostsToDateCents);
        Assert.InRange(p.MonthsWithStatements, 1, 8);

        var rate = (await stadse.GetYearParametersAsync(new() { Year = 2027 })).YearParameters.ReferenceHourlyRateCents;
        var ownEstimate = (long)Math.Round(p.OwnApprovedMinutesToDate * (decimal)rate / 60m, MidpointRounding.AwayFromZero);
        Assert.Equal(ownEstimate, p.OwnCostsEstimateToDateCents);
        Assert.Equal(expectedSubcontractor + ownEstimate, p.CostsToDateCents);
        Assert.Equal(p.AdvancesToDateCents - p.CostsToDateCents, p.BalanceToDateCents);
        // August was run after both approvals: complete. The projection's own figures: ProjectionFlowTests below.
        Assert.Contains(8, p.CompleteMonths);
        Assert.Equal(p.CompleteMonths.Count >= 3, p.ProjectionAvailable);

        var (pgb, final) = await LatestPgbAsync(settlements);
        Assert.Equal((pgb, final), (p.PgbSettlementCents, p.PgbSettlementFinal));

        // The gemeente sees the same figures (its read of Stadse's statements and hours is audited).
        var gemeente = new BudgetService.BudgetServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var seen = (await gemeente.GetBudgetPositionAsync(new() { AreaId = 1, Year = 2027, Month = 8 })).BudgetPosition;
        Assert.Equal(p.CostsToDateCents, seen.CostsToDateCents);
        Assert.Equal(p.ProjectedResultYearEndCents, seen.ProjectedResultYearEndCents);
    }

    [Fact]
    public async Task Own_dagdelen_and_etmalen_are_valued_at_the_reference_rates_per_unit()
    {
        hosts.RequireAvailable();
        var gemeenteBudget = new BudgetService.BudgetServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var current = (await gemeenteBudget.GetYearParametersAsync(new() { Year = 2027 })).YearParameters;
        await gemeenteBudget.SetYearParametersAsync(new()
        {
            Year = 2027, ProfitCapBp = current.ProfitCapBp, ReferenceHourlyRateCents = Math.Max(1, current.ReferenceHourlyRateCents),
            PgbDeadBandBp = current.PgbDeadBandBp, PgbCompensationShareBp = current.PgbCompensationShareBp,
            BasisShareTargetBp = current.BasisShareTargetBp, InitiativeShareTargetBp = current.InitiativeShareTargetBp,
            SanctionBp = current.SanctionBp, ChangeNote = "Tarieven per dagdeel en etmaal",
            ReferenceDagdeelRateCents = 5_425, ReferenceEtmaalRateCents = 21_050,
        });
        var stadse = new BudgetService.BudgetServiceClient(await hosts.InvokerFor(Callers.HaStadse));
        var before = (await stadse.GetBudgetPositionAsync(new() { AreaId = 1, Year = 2027, Month = 9 })).BudgetPosition;

        // Own staff: 3 + 2 dagdelen dagbesteding and 1 etmaal kortdurend verblijf in September, approved.
        var dagbesteding = await OwnActiveAsync(Product.Dagbesteding, Unit.Dagdeel);
        var verblijf = await OwnActiveAsync(Product.KortdurendVerblijf, Unit.Etmaal);
        var ha = await _s.Hours(Callers.HaStadse);
        var created = (await ha.BatchCreateHourEntriesAsync(new()
        {
            Entries = { Count(dagbesteding, Unit.Dagdeel, 6, 3), Count(dagbesteding, Unit.Dagdeel, 7, 2), Count(verblijf, Unit.Etmaal, 8, 1) },
        })).HourEntries;
        await ha.ApproveHourEntriesAsync(new() { HourEntryIds = { created.Select(e => e.Id) } });

        var p = (await stadse.GetBudgetPositionAsync(new() { AreaId = 1, Year = 2027, Month = 9 })).BudgetPosition;
        Assert.Equal((5_425L, 21_050L), (p.ReferenceDagdeelRateCents, p.ReferenceEtmaalRateCents));
        Assert.Equal(5, p.OwnApprovedDagdelenToDate - before.OwnApprovedDagdelenToDate);
        Assert.Equal(1, p.OwnApprovedEtmalenToDate - before.OwnApprovedEtmalenToDate);
        Assert.Equal(p.OwnApprovedDagdelenToDate * 5_425, p.OwnDagdeelCostsToDateCents);
        Assert.Equal(p.OwnApprovedEtmalenToDate * 21_050, p.OwnEtmaalCostsToDateCents);
        Assert.Equal(5 * 5_425 + 21_050, p.OwnCostsEstimateToDateCents - before.OwnCostsEstimateToDateCents);
        Assert.Equal(p.OwnHourCostsToDateCents + p.OwnDagdeelCostsToDateCents + p.OwnEtmaalCostsToDateCents, p.OwnCostsEstimateToDateCents);
        Assert.Equal(p.SubcontractorCostsToDateCents + p.OwnCostsEstimateToDateCents, p.CostsToDateCents);
    }

    [Fact]
    public async Task The_projection_rests_on_the_complete_months_only_and_is_withheld_below_three()
    {
        hosts.RequireAvailable();
        var stadse = new BudgetService.BudgetServiceClient(await hosts.InvokerFor(Callers.HaStadse));
        var own = await _s.Active();
        var ha = await _s.Hours(Callers.HaStadse);
        await _s.Consented(Callers.HaStadse); // a subcontract in force from February: every later month needs a run
        // Statements for January-March run after everything approved so far; then own hours approved in April-June
        // (after any run of those months), so of six ended months exactly January-March are complete.
        for (var m = 1; m <= 3; m++)
        {
            Assert.Equal(SettlementRunState.Succeeded, (await _s.RunAsync(SettlementRunKind.SubcontractorStatements, 0, 2027, m)).State);
        }
        var later = (await ha.BatchCreateHourEntriesAsync(new()
        {
            Entries = { HourScenario.Entry(own, 4, 12, 600), HourScenario.Entry(own, 5, 12, 600), HourScenario.Entry(own, 6, 12, 600) },
        })).HourEntries;
        await ha.ApproveHourEntriesAsync(new() { HourEntryIds = { later.Select(e => e.Id) } });

        var march = (await stadse.GetBudgetPositionAsync(new() { AreaId = 1, Year = 2027, Month = 3 })).BudgetPosition;
        var june = (await stadse.GetBudgetPositionAsync(new() { AreaId = 1, Year = 2027, Month = 6 })).BudgetPosition;
        Assert.Equal([1, 2, 3], march.CompleteMonths);
        Assert.Equal([1, 2, 3], june.CompleteMonths);
        Assert.True(june.ProjectionAvailable);
        // costs(K) are the costs of January-March: the position of March. Dividing by 6 instead would halve them.
        var expected = (long)Math.Round(march.CostsToDateCents * 12m / 3m, MidpointRounding.AwayFromZero);
        Assert.Equal(expected, march.ProjectedCostsYearEndCents);
        Assert.Equal(expected, june.ProjectedCostsYearEndCents);
        Assert.Equal(june.TotalLumpsumCents + june.PgbSettlementCents - expected, june.ProjectedResultYearEndCents);
        Assert.True(june.CostsToDateCents > march.CostsToDateCents);

        var february = (await stadse.GetBudgetPositionAsync(new() { AreaId = 1, Year = 2027, Month = 2 })).BudgetPosition;
        Assert.Equal([1, 2], february.CompleteMonths);
        Assert.False(february.ProjectionAvailable);
        Assert.Equal((0L, 0L), (february.ProjectedCostsYearEndCents, february.ProjectedResultYearEndCents));
    }

    private async Task<SupportArrangement> OwnActiveAsync(Product product, Unit unit)
    {
        var requested = await _s.Requested();
        var arrangements = await _s.Arrangements(Callers.HaStadse);
        var decision = AccessProcessScenario.Decision(SupportType.Basis);
        decision.Product = product;
        decision.Unit = unit;
        decision.Terms.Volume = 4;
        await arrangements.DecideArrangementAsync(new() { ArrangementId = requested.Id, Decision = decision });
        return (await arrangements.StartArrangementAsync(new() { ArrangementId = requested.Id })).Arrangement;
    }

    private static HourEntryInput Count(SupportArrangement a, Unit unit, int day, int count)
    {
        var entry = HourScenario.Entry(a, 9, day, count);
        entry.Unit = unit;
        return entry;
    }

    [Fact]
    public async Task Month_0_means_the_last_ended_month_and_a_year_without_one_is_refused()
    {
        hosts.RequireAvailable();
        var gemeente = new BudgetService.BudgetServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        // The test clock stands at 2028-01-15: all of 2027 has ended, nothing of 2028 has.
        Assert.Equal(12, (await gemeente.GetBudgetPositionAsync(new() { AreaId = 2, Year = 2027 })).BudgetPosition.Month);
        var refused = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () =>
            await gemeente.GetBudgetPositionAsync(new() { AreaId = 2, Year = 2028 }));
        Assert.Contains("No month of 2028 has ended", refused.Status.Detail, StringComparison.Ordinal);
        await RpcAssert.Fails(StatusCode.InvalidArgument, async () =>
            await gemeente.GetBudgetPositionAsync(new() { AreaId = 2, Year = 2027, Month = 13 }));
    }

    private static async Task<(long Cents, bool Final)> LatestPgbAsync(SettlementService.SettlementServiceClient settlements)
    {
        foreach (var (kind, final) in new[] { (SettlementRunKind.PgbFinal, true), (SettlementRunKind.PgbProvisional, false) })
        {
            try
            {
                var s = (await settlements.GetPgbSettlementAsync(new() { AreaId = 1, Year = 2027, Kind = kind })).PgbSettlement;
                return (s.PgbAmountCents, final);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
            }
        }
        return (0, false);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteBudgetPositionFlowTests(SqliteHosts hosts) : BudgetPositionFlowTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresBudgetPositionFlowTests(PostgresHosts hosts) : BudgetPositionFlowTests(hosts);
