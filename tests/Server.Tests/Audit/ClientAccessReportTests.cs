using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Hours;
using GonPortal.Server.Tests.Infrastructure;
using Grpc.Core;

namespace GonPortal.Server.Tests.Audit;

/// <summary>The AVG access report of one client across roles, through the real API.</summary>
public abstract class ClientAccessReportTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);

    [Fact]
    public async Task Every_role_that_looked_or_wrote_appears_in_the_report_and_the_trail_verifies()
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await _s.ActiveExecutedBy(1);
        var clientId = arrangement.ClientId;

        // The hoofdaanbieder reads, the onderaannemer reports hours, the gemeente reads across tenants with a purpose.
        var bsn = (await (await _s.Clients(Callers.HaStadse)).GetClientAsync(new() { ClientId = clientId })).Client.Bsn;
        await (await _s.Hours(Callers.OaDeLinde)).BatchCreateHourEntriesAsync(new() { Entries = { HourScenario.Entry(arrangement) } });
        const string purpose = "Klacht van de client onderzoeken";
        var gemeenteClients = new ClientService.ClientServiceClient(await hosts.InvokerFor(Callers.Gemeente, purpose));
        await gemeenteClients.GetClientAsync(new() { ClientId = clientId });

        var report = await ReportAsync(Callers.HaStadse, clientId);
        Assert.Contains(report, e => e.ActorRole == Role.Hoofdaanbieder && e.Access == "read" && e.Method.EndsWith("/GetClient"));
        Assert.Contains(report, e => e.ActorRole == Role.Onderaannemer && e.Access == "write" && e.Method.EndsWith("/BatchCreateHourEntries")
            && e.ActorOrganisationId == DemoIds.DeLinde);
        Assert.Contains(report, e => e.ActorRole == Role.Gemeente && e.Access == "read" && e.Purpose == purpose);
        Assert.Contains(report, e => e.ActorRole == Role.Wij && e.Access == "write"); // WIJ referred the resident
        Assert.All(report, e => Assert.Equal(clientId, e.ClientId));
        Assert.All(report, e => Assert.DoesNotContain(bsn, e.Resource + e.Purpose + e.Method));
        Assert.True(report.Zip(report.Skip(1)).All(p => p.First.OccurredAt.ToDateTimeOffset() >= p.Second.OccurredAt.ToDateTimeOffset()), "newest first");

        // The gemeente gets the same report; asking for it is recorded too.
        var gemeenteReport = await ReportAsync(Callers.Gemeente, clientId);
        Assert.Contains(gemeenteReport, e => e.ActorRole == Role.Hoofdaanbieder && e.Resource == "ClientAccessReport");

        var audit = new AuditService.AuditServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var verification = await audit.VerifyAuditTrailAsync(new());
        Assert.True(verification.Intact, verification.FirstBreak?.Reason);
        Assert.True(verification.EntriesChecked >= report.Count);
    }

    [Fact]
    public async Task Another_hoofdaanbieder_gets_not_found_and_other_roles_are_refused()
    {
        hosts.RequireAvailable();
        var client = await _s.Client(Callers.HaStadse, 1);
        await RpcAssert.Fails(StatusCode.NotFound, async () => await ReportAsync(Callers.HaOost, client.Id));
        await RpcAssert.Fails(StatusCode.NotFound, async () => await ReportAsync(Callers.HaStadse, Guid.NewGuid().ToString()));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await ReportAsync(Callers.OaDeLinde, client.Id));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await ReportAsync(Callers.Wij, client.Id));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () =>
            await new AuditService.AuditServiceClient(await hosts.InvokerFor(Callers.HaStadse)).VerifyAuditTrailAsync(new()));
        await RpcAssert.InvalidFields(async () => await ReportAsync(Callers.HaStadse, "geen-id"), "client_id");
    }

    [Fact]
    public async Task A_list_records_one_read_per_client_shown()
    {
        hosts.RequireAvailable();
        var first = await _s.Client(Callers.HaOost, 3);
        var second = await _s.Client(Callers.HaOost, 3);
        var oost = await _s.Clients(Callers.HaOost);
        var listed = await oost.ListClientsAsync(new() { PageSize = 500 });
        Assert.Contains(listed.Clients, c => c.Id == first.Id);
        foreach (var id in new[] { first.Id, second.Id })
        {
            var report = await ReportAsync(Callers.HaOost, id);
            Assert.Contains(report, e => e.Method.EndsWith("/ListClients") && e.Access == "read");
            Assert.Contains(report, e => e.Method.EndsWith("/CreateClient") && e.Access == "write");
        }
    }

    private async Task<List<AuditEntry>> ReportAsync(string caller, string clientId)
    {
        var audit = new AuditService.AuditServiceClient(await hosts.InvokerFor(caller));
        var entries = new List<AuditEntry>();
        var token = "";
        do
        {
            var page = await audit.ListClientAccessAsync(new() { ClientId = clientId, PageSize = 500, PageToken = token });
            entries.AddRange(page.Entries);
            token = page.NextPageToken;
        }
        while (token != "");
        return entries;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteClientAccessReportTests(SqliteHosts hosts) : ClientAccessReportTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresClientAccessReportTests(PostgresHosts hosts) : ClientAccessReportTests(hosts);
