using GonPortal.Contracts.V1;
using GonPortal.Server.Settlements;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GonPortal.Server.Tests.Settlements;

/// <summary>
/// The recurring runs as Hangfire holds them, triggered through Hangfire as the scheduler would: the
/// test clock stands at 2028-01-15, so the statements job runs December 2027, and the quarterly PGB job
/// looks at 2028, which has no PGB counts yet, and skips every area without creating a run.
/// </summary>
public abstract class SettlementScheduleTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);

    [Fact]
    public void Both_schedules_are_registered_with_their_cron_in_amsterdam_time()
    {
        hosts.RequireAvailable();
        using var connection = hosts.ServerServices.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);
        Assert.Equal("0 2 1 * *", jobs[ScheduledSettlements.StatementsJobId].Cron);
        Assert.Equal("0 2 1 1,4,7,10 *", jobs[ScheduledSettlements.PgbJobId].Cron);
        Assert.All(new[] { ScheduledSettlements.StatementsJobId, ScheduledSettlements.PgbJobId },
            id => Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam").Id, jobs[id].TimeZoneId));
    }

    [Fact]
    public async Task The_monthly_job_runs_the_statements_of_the_month_that_ended_and_the_quarterly_job_skips_a_year_without_counts()
    {
        hosts.RequireAvailable();
        var gemeente = await _s.Settlements(Callers.Gemeente);
        var pgbBefore = (await gemeente.ListSettlementRunsAsync(new() { Kind = SettlementRunKind.PgbProvisional, Year = 2028, PageSize = 500 })).SettlementRuns.Count;

        var manager = hosts.ServerServices.GetRequiredService<IRecurringJobManager>();
        manager.Trigger(ScheduledSettlements.StatementsJobId);
        manager.Trigger(ScheduledSettlements.PgbJobId);

        var deadline = DateTime.UtcNow.AddSeconds(90);
        SettlementRun? scheduled = null;
        while (scheduled is not { State: SettlementRunState.Succeeded })
        {
            Assert.True(DateTime.UtcNow < deadline, $"No succeeded scheduled statement run; last seen: {scheduled?.State} {scheduled?.ErrorMessage}");
            await Task.Delay(200);
            scheduled = (await gemeente.ListSettlementRunsAsync(new() { Kind = SettlementRunKind.SubcontractorStatements, Year = 2027, PageSize = 500 }))
                .SettlementRuns.FirstOrDefault(r => r.Trigger == SettlementRunTrigger.Schedule && r.Month == 12);
        }
        Assert.Equal("", scheduled.RequestedBy);
        Assert.Equal(100, scheduled.ProgressPercent);

        // The PGB job ran too (Hangfire processed it) but found no 2028 counts: nothing was queued.
        using (var connection = hosts.ServerServices.GetRequiredService<JobStorage>().GetConnection())
        {
            var pgbJob = connection.GetRecurringJobs().Single(j => j.Id == ScheduledSettlements.PgbJobId);
            Assert.NotNull(pgbJob.LastJobId);
            var monitor = hosts.ServerServices.GetRequiredService<JobStorage>().GetMonitoringApi();
            while (monitor.JobDetails(pgbJob.LastJobId)?.History.FirstOrDefault()?.StateName is not "Succeeded")
            {
                Assert.True(DateTime.UtcNow < deadline, "The quarterly PGB job did not succeed.");
                await Task.Delay(200);
            }
        }
        Assert.Equal(pgbBefore, (await gemeente.ListSettlementRunsAsync(new() { Kind = SettlementRunKind.PgbProvisional, Year = 2028, PageSize = 500 })).SettlementRuns.Count);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSettlementScheduleTests(SqliteHosts hosts) : SettlementScheduleTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSettlementScheduleTests(PostgresHosts hosts) : SettlementScheduleTests(hosts);
