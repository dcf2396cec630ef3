using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Hours;
using GonPortal.Server.Tests.Infrastructure;
using Grpc.Core;

namespace GonPortal.Server.Tests.Settlements;

/// <summary>
/// A reconciliation needs complete statements (settlement-rules.md 1.1 §4): refused naming the
/// subcontract and month while a month's statement run is missing, refused again after an approval later
/// than a month's run, and allowed once that month is run again. Area 2 (Stadse), which no other
/// settlement test reconciles; the collection's tests run one at a time, so no approval slips in between.
/// </summary>
public abstract class StatementCompletenessFlowTests(GonHosts hosts)
{
    private const int Area = 2;
    private readonly Scenario _s = new(hosts);
    private readonly BudgetFixture _budget = new(hosts);

    [Fact]
    public async Task Reconciliation_is_refused_for_a_missing_month_and_for_an_approval_after_the_run_and_allowed_when_complete()
    {
        hosts.RequireAvailable();
        var stadse = Callers.Organisation(Callers.HaStadse).Id;
        await _budget.LumpsumAsync(Area, 800_000_000);
        await _budget.YearReportAsync(Area, stadse, 500_000_000);
        await _budget.ParametersAsync(2027, 5_000);
        await _budget.PgbAsync(Area, 40, BudgetFixture.Months(1, 12, 40), 1_000_000);
        Assert.Equal(SettlementRunState.Succeeded, (await _s.RunAsync(SettlementRunKind.PgbFinal, Area, 2027)).State);

        // Atelier works for Stadse in area 2 from 1 February 2027 (care from 1 March); an entry of March is approved now. March
        // is then missing (no statement run yet) or stale (run before this approval), whichever the collection's earlier tests left.
        var (arrangement, subcontract) = await _s.ActiveExecutedBy(Area, Callers.OaAtelier);
        var haHours = await _s.Hours(Callers.HaStadse);
        var atelier = await _s.Hours(Callers.OaAtelier);
        var gemeente = await _s.Settlements(Callers.Gemeente);
        var marchRun = (await gemeente.ListSettlementRunsAsync(new() { Kind = SettlementRunKind.SubcontractorStatements, Year = 2027, PageSize = 500 }))
            .SettlementRuns.Any(r => r.Month == 3 && r.State == SettlementRunState.Succeeded);
        var early = (await atelier.BatchCreateHourEntriesAsync(new() { Entries = { HourScenario.Entry(arrangement, 3, 15, 30) } })).HourEntries.Single();
        await haHours.ApproveHourEntriesAsync(new() { HourEntryIds = { early.Id } });

        var before = await gemeente.GetStatementCompletenessAsync(new() { AreaId = Area, Year = 2027 });
        Assert.False(before.Complete);
        Assert.Equal(Enumerable.Range(1, 12), before.Months.Select(m => m.Month));
        var march = before.Months[2];
        Assert.Equal(marchRun ? StatementMonthState.Stale : StatementMonthState.MissingRun, march.State);
        Assert.Contains(before.Months[1].Subcontracts, s => s.SubcontractId == subcontract.Id); // February: in force, no care yet
        var named = Assert.Single(march.Subcontracts, s => s.SubcontractId == subcontract.Id);
        Assert.Equal("Dagbesteding Het Atelier", named.OnderaannemerName);
        Assert.DoesNotContain(before.Months[0].Subcontracts, s => s.SubcontractId == subcontract.Id); // January: not yet in force

        // The refusal names every blocking month with its subcontracts; nothing is queued.
        var refused = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () =>
            await gemeente.StartSettlementRunAsync(SettlementScenario.Start(SettlementRunKind.Reconciliation, Area, 2027)));
        foreach (var m in before.Months.Where(m => m.State is StatementMonthState.MissingRun or StatementMonthState.Stale))
        {
            Assert.Contains($"2027-{m.Month:D2}", refused.Status.Detail, StringComparison.Ordinal);
        }
        Assert.Contains($"2027-03: {(marchRun ? "entries approved after" : "no succeeded")}", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(subcontract.Id, refused.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain((await gemeente.ListSettlementRunsAsync(new() { Kind = SettlementRunKind.Reconciliation, AreaId = Area })).SettlementRuns,
            r => r.Year == 2027);

        // An entry of June approved, then all twelve months run: complete.
        var june = (await atelier.BatchCreateHourEntriesAsync(new() { Entries = { HourScenario.Entry(arrangement, 6, 7, 60) } })).HourEntries.Single();
        await haHours.ApproveHourEntriesAsync(new() { HourEntryIds = { june.Id } });
        for (var m = 1; m <= 12; m++)
        {
            Assert.Equal(SettlementRunState.Succeeded, (await _s.RunAsync(SettlementRunKind.SubcontractorStatements, 0, 2027, m)).State);
        }
        Assert.True((await gemeente.GetStatementCompletenessAsync(new() { AreaId = Area, Year = 2027 })).Complete);

        // Another June entry approved after June's run: June is stale and the reconciliation refused, naming June only.
        var late = (await atelier.BatchCreateHourEntriesAsync(new() { Entries = { HourScenario.Entry(arrangement, 6, 8, 45) } })).HourEntries.Single();
        await haHours.ApproveHourEntriesAsync(new() { HourEntryIds = { late.Id } });
        var stale = await gemeente.GetStatementCompletenessAsync(new() { AreaId = Area, Year = 2027 });
        Assert.Equal([6], stale.Months.Where(m => m.State != StatementMonthState.Complete && m.State != StatementMonthState.NotNeeded).Select(m => m.Month));
        Assert.Equal(StatementMonthState.Stale, stale.Months[5].State);
        var refusedStale = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () =>
            await gemeente.StartSettlementRunAsync(SettlementScenario.Start(SettlementRunKind.Reconciliation, Area, 2027)));
        Assert.Contains("approved after", refusedStale.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("2027-06", refusedStale.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("2027-05", refusedStale.Status.Detail, StringComparison.Ordinal);

        // June run again: the reconciliation runs, and its S includes both June entries (60 + 45 min at 65.00 = 113.75).
        Assert.Equal(SettlementRunState.Succeeded, (await _s.RunAsync(SettlementRunKind.SubcontractorStatements, 0, 2027, 6)).State);
        var run = await _s.RunAsync(SettlementRunKind.Reconciliation, Area, 2027);
        Assert.Equal(SettlementRunState.Succeeded, run.State);
        var r = (await (await _s.Settlements(Callers.HaStadse)).GetReconciliationAsync(new() { AreaId = Area, Year = 2027 })).Reconciliation;
        Assert.Contains(r.StatementsUsed, s => s.SubcontractId == subcontract.Id && s.Month == 6 && s.AreaAmountCents == 11_375);
    }

    [Fact]
    public async Task Completeness_is_for_the_gemeente_and_the_holder_of_the_area()
    {
        hosts.RequireAvailable();
        var stadse = await (await _s.Settlements(Callers.HaStadse)).GetStatementCompletenessAsync(new() { AreaId = Area, Year = 2027 });
        Assert.Equal(12, stadse.Months.Count);
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () =>
            await (await _s.Settlements(Callers.HaOost)).GetStatementCompletenessAsync(new() { AreaId = Area, Year = 2027 }));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () =>
            await (await _s.Settlements(Callers.OaDeLinde)).GetStatementCompletenessAsync(new() { AreaId = Area, Year = 2027 }));
        await RpcAssert.Fails(StatusCode.InvalidArgument, async () =>
            await (await _s.Settlements(Callers.Gemeente)).GetStatementCompletenessAsync(new() { AreaId = 9, Year = 2027 }));
        // The test clock stands at 2028-01-15: no month of 2028 has ended.
        Assert.Empty((await (await _s.Settlements(Callers.Gemeente)).GetStatementCompletenessAsync(new() { AreaId = Area, Year = 2028 })).Months);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteStatementCompletenessFlowTests(SqliteHosts hosts) : StatementCompletenessFlowTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresStatementCompletenessFlowTests(PostgresHosts hosts) : StatementCompletenessFlowTests(hosts);
