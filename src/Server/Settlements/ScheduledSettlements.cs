using GonPortal.Domain.Common;
using GonPortal.Domain.Hours;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Settlements;
using GonPortal.Server.Tenancy;
using Hangfire;

namespace GonPortal.Server.Settlements;

/// <summary>
/// The recurring runs (Europe/Amsterdam): on the 1st of each month at 02:00 the statements of the
/// month that just ended; on 1 January, April, July and October at 02:00 the provisional PGB
/// settlement of every area for the year of the quarter that just ended. The period comes from the
/// server's <see cref="TimeProvider"/> (shifted by "Clock:Today"). A run whose preconditions are not
/// met (e.g. no PGB counts yet) is skipped with a log line. Final PGB and reconciliation are started
/// by the gemeente through the API. "Jobs:Schedules:Statements" and "Jobs:Schedules:PgbProvisional" replace
/// the cron expressions (five fields, or six with seconds first; drills and the process tests fire every
/// few seconds). Hangfire enqueues each occurrence once, whatever the number of instances.
/// </summary>
public sealed class ScheduledSettlements(IServiceProvider services, TenantContext tenant, TimeProvider clock, ILogger<ScheduledSettlements> logger)
{
    public const string StatementsJobId = "settlements-statements-previous-month";
    public const string PgbJobId = "settlements-pgb-provisional-quarterly";

    public static void Register(IRecurringJobManager manager, IConfiguration configuration)
    {
        var options = new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam") };
        manager.AddOrUpdate<ScheduledSettlements>(StatementsJobId, j => j.StatementsForPreviousMonthAsync(CancellationToken.None),
            configuration["Jobs:Schedules:Statements"] ?? "0 2 1 * *", options);
        manager.AddOrUpdate<ScheduledSettlements>(PgbJobId, j => j.PgbProvisionalForEndedQuarterAsync(CancellationToken.None),
            configuration["Jobs:Schedules:PgbProvisional"] ?? "0 2 1 1,4,7,10 *", options);
    }

    public async Task StatementsForPreviousMonthAsync(CancellationToken ct)
    {
        tenant.ResolveSystem("settlement-schedule statements");
        var previous = AmsterdamCalendar.Today(clock.GetUtcNow()).AddMonths(-1);
        await StartAsync(SettlementKind.SubcontractorStatements, 0, previous.Year, previous.Month, ct);
    }

    public async Task PgbProvisionalForEndedQuarterAsync(CancellationToken ct)
    {
        tenant.ResolveSystem("settlement-schedule pgb");
        // The quarter that just ended lies in the year of yesterday (1 January: the previous year).
        var year = AmsterdamCalendar.Today(clock.GetUtcNow()).AddDays(-1).Year;
        foreach (var area in Areas.All)
        {
            await StartAsync(SettlementKind.PgbProvisional, area.Id, year, 0, ct);
        }
    }

    private async Task StartAsync(SettlementKind kind, int area, int year, int month, CancellationToken ct)
    {
        try
        {
            var (run, joined) = await services.GetRequiredService<SettlementRunStarter>()
                .StartAsync(kind, area, year, month, SettlementTrigger.Schedule, "", ct);
            logger.LogInformation("Scheduled {Kind} area {Area} {Year}-{Month}: run {RunId}{Joined}", kind, area, year, month, run.Id, joined ? " (already running)" : "");
        }
        catch (InvalidStateException e)
        {
            logger.LogInformation("Scheduled {Kind} area {Area} {Year}-{Month} skipped: {Reason}", kind, area, year, month, e.Message);
        }
    }
}
