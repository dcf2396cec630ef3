using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Infrastructure;
using static GonPortal.Server.Tests.AccessMatrix.Scenario;

namespace GonPortal.Server.Tests.Hours;

/// <summary>Active arrangements executed by an onderaannemer, and hour entries on them.</summary>
public static class HourScenario
{
    /// <summary>
    /// An ACTIVE basis arrangement (begeleiding by the hour, 2027-03-01..2027-12-31) of the hoofdaanbieder of
    /// <paramref name="area"/>, executed by <paramref name="onderaannemer"/> under a fresh consented subcontract.
    /// </summary>
    public static async Task<(SupportArrangement Arrangement, Subcontract Subcontract)> ActiveExecutedBy(this Scenario s, int area, string onderaannemer = Callers.OaDeLinde)
    {
        var ha = area is 1 or 2 ? Callers.HaStadse : area == 3 ? Callers.HaOost : Callers.HaZuid;
        var proposal = Proposal(ha, onderaannemer);
        proposal.AreaIds.Clear();
        proposal.AreaIds.Add(area);
        var proposed = (await (await s.Subcontracts(ha)).CreateSubcontractAsync(proposal)).Subcontract;
        var subcontract = (await (await s.Subcontracts(Callers.Gemeente)).ConsentSubcontractAsync(new() { SubcontractId = proposed.Id })).Subcontract;
        var referral = await s.Accepted(area);
        var arrangements = await s.Arrangements(ha);
        var requested = (await arrangements.CreateArrangementAsync(new()
        {
            RequestId = $"test-{Guid.NewGuid():N}",
            ClientId = referral.ClientId,
            EntryChannel = EntryChannel.WijReferral,
            ReferralId = referral.Id,
        })).Arrangement;
        await arrangements.DecideArrangementAsync(new() { ArrangementId = requested.Id, Decision = AccessProcessScenario.Decision(SupportType.Basis, subcontract.Id) });
        var active = (await arrangements.StartArrangementAsync(new() { ArrangementId = requested.Id })).Arrangement;
        return (active, subcontract);
    }

    /// <summary>A SUBMITTED entry by De Linde on a fresh arrangement of Stadse.</summary>
    public static async Task<HourEntry> ReportedByDeLinde(this Scenario s)
    {
        var (arrangement, _) = await s.ActiveExecutedBy(1);
        var client = await s.Hours(Callers.OaDeLinde);
        return (await client.BatchCreateHourEntriesAsync(new() { Entries = { Entry(arrangement) } })).HourEntries[0];
    }

    public static HourEntryInput Entry(SupportArrangement a, int month = 4, int day = 1, int minutes = 90) => new()
    {
        EntryKey = $"k-{Guid.NewGuid():N}",
        ArrangementId = a.Id,
        ServiceDate = Date(2027, month, day),
        Product = a.Product,
        Unit = Unit.Hour,
        Quantity = minutes,
        ActivityNote = "Administratie doorgenomen",
    };

    public static async Task<HourService.HourServiceClient> Hours(this Scenario s, string caller) => new(await s.Hosts.InvokerFor(caller));

    public static async Task<List<HourEntry>> All(this HourService.HourServiceClient client, string? arrangementId = null)
    {
        var result = new List<HourEntry>();
        var token = "";
        do
        {
            var page = await client.ListHourEntriesAsync(new() { PageSize = 500, PageToken = token, ArrangementId = arrangementId ?? "" });
            result.AddRange(page.HourEntries);
            token = page.NextPageToken;
        }
        while (token != "");
        return result;
    }
}
