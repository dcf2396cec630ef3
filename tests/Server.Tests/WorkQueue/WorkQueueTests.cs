using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Infrastructure;
using static GonPortal.Server.Tests.AccessMatrix.AccessProcessScenario;

namespace GonPortal.Server.Tests.WorkQueue;

/// <summary>
/// The "Te doen" counts follow each step of the access process for the role whose turn it is, and
/// only for that organisation. Tests in a collection run one after another, so a difference before
/// and after a step is that step's.
/// </summary>
public abstract class WorkQueueTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);

    private async Task<int> Count(string caller, WorkItemKind kind)
    {
        var queue = await new WorkQueueService.WorkQueueServiceClient(await hosts.InvokerFor(caller)).GetWorkQueueAsync(new());
        Assert.Equal(queue.Items.Sum(i => i.Count), queue.Total);
        return queue.Items.Single(i => i.Kind == kind).Count;
    }

    [Fact]
    public async Task A_referral_waits_for_its_hoofdaanbieder_only_until_it_is_accepted()
    {
        hosts.RequireAvailable();
        var stadse = await Count(Callers.HaStadse, WorkItemKind.ReferralsToHandle);
        var oost = await Count(Callers.HaOost, WorkItemKind.ReferralsToHandle);
        var referral = await _s.Referred(1);
        Assert.Equal(stadse + 1, await Count(Callers.HaStadse, WorkItemKind.ReferralsToHandle));
        Assert.Equal(oost, await Count(Callers.HaOost, WorkItemKind.ReferralsToHandle));
        await (await _s.Clients(Callers.HaStadse)).AcceptReferralAsync(new() { ReferralId = referral.Id });
        Assert.Equal(stadse, await Count(Callers.HaStadse, WorkItemKind.ReferralsToHandle));
    }

    [Fact]
    public async Task An_aanvullend_decision_waits_for_wij_then_for_the_gemeente()
    {
        hosts.RequireAvailable();
        var wij = await Count(Callers.Wij, WorkItemKind.WijApprovalsDue);
        var gemeente = await Count(Callers.Gemeente, WorkItemKind.BeschikkingenToRecord);
        var decided = await _s.Decided(SupportType.Aanvullend);
        Assert.Equal(wij + 1, await Count(Callers.Wij, WorkItemKind.WijApprovalsDue));
        Assert.Equal(gemeente, await Count(Callers.Gemeente, WorkItemKind.BeschikkingenToRecord));
        await (await _s.Arrangements(Callers.Wij)).ApproveArrangementAsync(new() { ArrangementId = decided.Id });
        Assert.Equal(wij, await Count(Callers.Wij, WorkItemKind.WijApprovalsDue));
        Assert.Equal(gemeente + 1, await Count(Callers.Gemeente, WorkItemKind.BeschikkingenToRecord));
    }

    [Fact]
    public async Task A_subcontract_proposal_waits_for_the_gemeentes_consent()
    {
        hosts.RequireAvailable();
        var gemeente = await Count(Callers.Gemeente, WorkItemKind.SubcontractsAwaitingConsent);
        var oost = await Count(Callers.HaOost, WorkItemKind.SubcontractsAwaitingConsent);
        var proposed = await _s.Proposed(Callers.HaStadse);
        Assert.Equal(gemeente + 1, await Count(Callers.Gemeente, WorkItemKind.SubcontractsAwaitingConsent));
        Assert.Equal(oost, await Count(Callers.HaOost, WorkItemKind.SubcontractsAwaitingConsent));
        await (await _s.Subcontracts(Callers.Gemeente)).ConsentSubcontractAsync(new() { SubcontractId = proposed.Id });
        Assert.Equal(gemeente, await Count(Callers.Gemeente, WorkItemKind.SubcontractsAwaitingConsent));
    }

    [Fact]
    public async Task An_onderaannemer_has_no_queue()
    {
        hosts.RequireAvailable();
        var queue = await new WorkQueueService.WorkQueueServiceClient(await hosts.InvokerFor(Callers.OaDeLinde)).GetWorkQueueAsync(new());
        Assert.Empty(queue.Items);
        Assert.Equal(0, queue.Total);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteWorkQueueTests(SqliteHosts hosts) : WorkQueueTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresWorkQueueTests(PostgresHosts hosts) : WorkQueueTests(hosts);
