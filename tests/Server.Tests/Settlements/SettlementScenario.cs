using GonPortal.Contracts.V1;
using GonPortal.Server.Data;
using GonPortal.Server.Settlements;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GonPortal.Server.Tests.Settlements;

/// <summary>Starting runs through the API, following them to the end, and counting stored rows.</summary>
public static class SettlementScenario
{
    public static async Task<SettlementService.SettlementServiceClient> Settlements(this Scenario s, string caller) => new(await s.Hosts.InvokerFor(caller));

    public static StartSettlementRunRequest Start(SettlementRunKind kind, int area, int year, int month = 0) => new()
    {
        RequestId = $"test-{Guid.NewGuid():N}",
        Kind = kind,
        AreaId = area,
        Year = year,
        Month = month,
    };

    /// <summary>Starts a run as the gemeente and polls GetSettlementRun until it has finished.</summary>
    public static async Task<SettlementRun> RunAsync(this Scenario s, SettlementRunKind kind, int area, int year, int month = 0)
    {
        var client = await s.Settlements(Callers.Gemeente);
        var started = await client.StartSettlementRunAsync(Start(kind, area, year, month));
        return await s.FinishedAsync(started.SettlementRun.Id);
    }

    public static async Task<SettlementRun> FinishedAsync(this Scenario s, string runId, int seconds = 90)
    {
        var client = await s.Settlements(Callers.Gemeente);
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var run = (await client.GetSettlementRunAsync(new() { SettlementRunId = runId })).SettlementRun;
            if (run.State is SettlementRunState.Succeeded or SettlementRunState.Failed)
            {
                return run;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Run {runId} did not finish: {run.State} {run.ProgressStage}");
            await Task.Delay(200);
        }
    }

    public static async Task<SettlementRun> StateAsync(this Scenario s, string runId, SettlementRunState state, int seconds = 60)
    {
        var client = await s.Settlements(Callers.Gemeente);
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var run = (await client.GetSettlementRunAsync(new() { SettlementRunId = runId })).SettlementRun;
            if (run.State == state)
            {
                return run;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Run {runId} did not reach {state}: {run.State}");
            await Task.Delay(200);
        }
    }

    /// <summary>Rows stored for results (and their lines), read directly from the database.</summary>
    public static async Task<(int Results, int StatementLines, int ShortageLines)> RowsAsync(this Scenario s)
    {
        (int, int, int) counts = default;
        await new BudgetFixture(s.Hosts).WithDbAsync(async db => counts = (
            await db.SettlementResults.IgnoreQueryFilters().CountAsync(),
            await db.SettlementStatementLines.IgnoreQueryFilters().CountAsync(),
            await db.SettlementShortageLines.IgnoreQueryFilters().CountAsync()));
        return counts;
    }

    public static async Task<int> AttemptsAsync(this Scenario s, string runId)
    {
        var attempts = 0;
        await new BudgetFixture(s.Hosts).WithDbAsync(async db =>
            attempts = await db.SettlementRuns.Where(r => r.Id == Guid.Parse(runId)).Select(r => r.AttemptCount).SingleAsync());
        return attempts;
    }

    public static TestSettlementFaults Faults(this Scenario s) =>
        (TestSettlementFaults)s.Hosts.ServerServices.GetRequiredService<ISettlementRunFaults>();

    public static async Task<string> RunIdOfAsync(this Scenario s, Guid resultId)
    {
        var id = Guid.Empty;
        await new BudgetFixture(s.Hosts).WithDbAsync(async db =>
            id = await db.SettlementResults.IgnoreQueryFilters().Where(r => r.Id == resultId).Select(r => r.SettlementRunId).SingleAsync());
        return id.ToString();
    }

    /// <summary>
    /// Inserts a stored result directly (for the access matrix), with a finished run to own it. The
    /// document is the wire message itself, as rows stored before the explanation documents hold it.
    /// </summary>
    public static async Task<Guid> StoredResultAsync(this Scenario s, Domain.Settlements.SettlementKind kind, int area, int year, int month,
        Guid subcontractId, Guid tenantId, Guid? onderaannemerId, Google.Protobuf.IMessage document)
    {
        var id = Guid.NewGuid();
        await new BudgetFixture(s.Hosts).WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var run = Domain.Settlements.SettlementRun.Queue(Guid.NewGuid(), kind, area, year, month,
                Domain.Settlements.SettlementTrigger.Api, "test", now, TimeSpan.FromMinutes(1));
            run.Fail("CANCELLED", "fixture", now);
            db.SettlementRuns.Add(run);
            var revision = await db.SettlementResults.IgnoreQueryFilters()
                .Where(r => r.Kind == kind && r.AreaId == area && r.Year == year && r.Month == month && r.SubcontractId == subcontractId)
                .Select(r => (int?)r.Revision).MaxAsync() ?? 0;
            db.SettlementResults.Add(new SettlementResult
            {
                Id = id, Kind = kind, AreaId = area, Year = year, Month = month, SubcontractId = subcontractId, Revision = revision + 1,
                SettlementRunId = run.Id, ComputedAt = now, AmountCents = 0, TenantId = tenantId, OnderaannemerId = onderaannemerId,
                ContentHash = Guid.NewGuid().ToString("N"), Document = Google.Protobuf.JsonFormatter.Default.Format(document),
                DocumentFormat = SettlementDocumentFormat.ProtoJson,
            });
        });
        return id;
    }
}
