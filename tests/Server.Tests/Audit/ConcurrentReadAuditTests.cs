using GonPortal.Contracts.V1;
using GonPortal.Server.Data;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GonPortal.Server.Tests.Audit;

/// <summary>
/// Many concurrent reads on the real hosts (the load under which ReadBench's connection used to be aborted on
/// SQLite): every call answers, every read is in the trail once (group commit), and the chain stays intact.
/// </summary>
public abstract class ConcurrentReadAuditTests(GonHosts hosts)
{
    private const int Calls = 64;
    private readonly Scenario _s = new(hosts);

    [Fact]
    public async Task Sixty_four_concurrent_reads_all_answer_and_each_is_audited_once()
    {
        hosts.RequireAvailable();
        var client = await _s.Client(Callers.HaStadse, 1);
        var clients = await _s.Clients(Callers.HaStadse);
        var hours = new HourService.HourServiceClient(await hosts.InvokerFor(Callers.HaStadse));
        var before = await ReadsOf(client.Id);

        var reads = Enumerable.Range(0, Calls).Select(_ => clients.GetClientAsync(new() { ClientId = client.Id }).ResponseAsync).ToList();
        var lists = Enumerable.Range(0, Calls / 4).Select(_ => hours.ListHourEntriesAsync(new() { PageSize = 50 }).ResponseAsync).ToList();
        await Task.WhenAll(reads.Cast<Task>().Concat(lists));

        Assert.All(reads, r => Assert.Equal(client.Id, r.Result.Client.Id));
        Assert.Equal(before + Calls, await ReadsOf(client.Id));
        var audit = new AuditService.AuditServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var verification = await audit.VerifyAuditTrailAsync(new());
        Assert.True(verification.Intact, verification.FirstBreak?.Reason);
    }

    private async Task<int> ReadsOf(string clientId)
    {
        var audit = new AuditService.AuditServiceClient(await hosts.InvokerFor(Callers.HaStadse));
        var count = 0;
        var token = "";
        do
        {
            var page = await audit.ListClientAccessAsync(new() { ClientId = clientId, PageSize = 500, PageToken = token });
            count += page.Entries.Count(e => e.Method.EndsWith("/GetClient") && e.Access == "read" && e.ActorOrganisationId == DemoIds.StadseZorg);
            token = page.NextPageToken;
        }
        while (token != "");
        return count;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteConcurrentReadAuditTests(SqliteHosts hosts) : ConcurrentReadAuditTests(hosts)
{
    [Fact]
    public async Task The_database_runs_in_write_ahead_log_mode()
    {
        hosts.RequireAvailable();
        await using var scope = hosts.ServerServices.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GonDbContext>();
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal("wal", Assert.Single(mode));
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresConcurrentReadAuditTests(PostgresHosts hosts) : ConcurrentReadAuditTests(hosts);
