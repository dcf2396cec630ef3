using GonPortal.Contracts.V1;
using Bsn = GonPortal.Domain.Clients.Bsn;
using GonPortal.Server.Tests.Infrastructure;
using static GonPortal.Server.Tests.AccessMatrix.Scenario;

namespace GonPortal.Server.Tests.AccessMatrix;

/// <summary>
/// Builds clients, referrals and arrangements for the access matrix and the flow tests, each through
/// the real API as its rightful actor. Area 1 belongs to Stadse Zorgcombinatie, area 3 to Welzijn Oost.
/// </summary>
public static class AccessProcessScenario
{
    private static int _bsnCounter = Random.Shared.Next(0, 5_000_000) * 10;

    /// <summary>A valid BSN not used before in this run (the demo seed uses other ranges).</summary>
    public static string NewBsn()
    {
        while (true)
        {
            var candidate = Bsn.Complete((60_000_000 + Interlocked.Increment(ref _bsnCounter) % 39_000_000).ToString("D8"));
            if (candidate is not null)
            {
                return candidate;
            }
        }
    }

    public static async Task<ClientService.ClientServiceClient> Clients(this Scenario s, string caller) => new(await s.Hosts.InvokerFor(caller));

    public static async Task<SupportArrangementService.SupportArrangementServiceClient> Arrangements(this Scenario s, string caller) =>
        new(await s.Hosts.InvokerFor(caller));

    public static CreateClientRequest NewClient(int area, string? bsn = null) => new()
    {
        RequestId = $"test-{Guid.NewGuid():N}",
        AreaId = area,
        Bsn = bsn ?? NewBsn(),
        GivenNames = "Geesje",
        Initials = "G.",
        SurnamePrefix = "van der",
        Surname = $"Molen{Next()}",
        DateOfBirth = Date(1950, 4, 12),
        Postcode = area switch { 1 => "9711 AB", 2 => "9743 CD", 3 => "9733 EF", _ => "9751 GH" },
        ContactDetails = new ContactDetails { PhoneNumber = "050-1234567", Street = "Oosterstraat", HouseNumber = "12", City = "Groningen" },
    };

    /// <summary>A client registered by <paramref name="caller"/> (a hoofdaanbieder in its own area, or WIJ).</summary>
    public static async Task<Client> Client(this Scenario s, string caller = Callers.HaStadse, int area = 1) =>
        (await (await s.Clients(caller)).CreateClientAsync(NewClient(area))).Client;

    public static CreateReferralRequest NewReferral(string clientId) => new()
    {
        RequestId = $"test-{Guid.NewGuid():N}",
        ClientId = clientId,
        WijTeam = "WIJ Oude Wijken",
        Goals = { "Houdt een vaste dagstructuur aan", "Beheert de eigen administratie" },
        IndicatedProducts = { Product.Begeleiding },
        SelfDirected = true,
        Note = "Mantelzorger overbelast",
    };

    /// <summary>WIJ registers a resident of <paramref name="area"/> and refers them; the referral is REFERRED.</summary>
    public static async Task<Referral> Referred(this Scenario s, int area = 1)
    {
        var client = await s.Client(Callers.Wij, area);
        return (await (await s.Clients(Callers.Wij)).CreateReferralAsync(NewReferral(client.Id))).Referral;
    }

    /// <summary>A referral the area's hoofdaanbieder accepted.</summary>
    public static async Task<Referral> Accepted(this Scenario s, int area = 1)
    {
        var referral = await s.Referred(area);
        var ha = area is 1 or 2 ? Callers.HaStadse : area == 3 ? Callers.HaOost : Callers.HaZuid;
        return (await (await s.Clients(ha)).AcceptReferralAsync(new() { ReferralId = referral.Id })).Referral;
    }

    /// <summary>An arrangement of Stadse (area 1) for an accepted WIJ referral, in REQUESTED.</summary>
    public static async Task<SupportArrangement> Requested(this Scenario s)
    {
        var referral = await s.Accepted();
        var ha = await s.Arrangements(Callers.HaStadse);
        return (await ha.CreateArrangementAsync(new()
        {
            RequestId = $"test-{Guid.NewGuid():N}",
            ClientId = referral.ClientId,
            EntryChannel = EntryChannel.WijReferral,
            ReferralId = referral.Id,
        })).Arrangement;
    }

    /// <summary>A direct-entry arrangement of Stadse (area 1) for a client it registered, in REQUESTED.</summary>
    public static async Task<SupportArrangement> DirectRequested(this Scenario s)
    {
        var client = await s.Client(Callers.HaStadse, 1);
        var ha = await s.Arrangements(Callers.HaStadse);
        return (await ha.CreateArrangementAsync(new()
        {
            RequestId = $"test-{Guid.NewGuid():N}",
            ClientId = client.Id,
            EntryChannel = EntryChannel.DirectInitiative,
        })).Arrangement;
    }

    public static ArrangementDecision Decision(SupportType type, string? subcontractId = null, bool viaInitiative = false) => new()
    {
        SupportType = type,
        Product = Product.Begeleiding,
        Unit = Unit.Hour,
        Terms = new ArrangementTerms
        {
            Volume = 180,
            Frequency = VolumeFrequency.PerWeek,
            ExecutorKind = subcontractId is null ? ExecutorKind.Hoofdaanbieder : ExecutorKind.Onderaannemer,
            SubcontractId = subcontractId ?? "",
            ViaInitiative = viaInitiative,
            InitiativeName = viaInitiative ? "Odensehuis" : "",
        },
        StartDate = Date(2027, 3, 1),
        EndDate = Date(2027, 12, 31),
        Note = "Besluit na gesprek",
    };

    public static async Task<SupportArrangement> Decided(this Scenario s, SupportType type, string? subcontractId = null)
    {
        var requested = await s.Requested();
        var ha = await s.Arrangements(Callers.HaStadse);
        return (await ha.DecideArrangementAsync(new() { ArrangementId = requested.Id, Decision = Decision(type, subcontractId) })).Arrangement;
    }

    /// <summary>A basis arrangement of Stadse executed by De Linde under a fresh consented subcontract.</summary>
    public static async Task<SupportArrangement> DecidedForDeLinde(this Scenario s)
    {
        var subcontract = await s.Consented(Callers.HaStadse, Callers.OaDeLinde);
        return await s.Decided(SupportType.Basis, subcontract.Id);
    }

    public static async Task<SupportArrangement> Advised(this Scenario s)
    {
        var decided = await s.Decided(SupportType.Aanvullend);
        var wij = await s.Arrangements(Callers.Wij);
        return (await wij.ApproveArrangementAsync(new() { ArrangementId = decided.Id })).Arrangement;
    }

    public static async Task<SupportArrangement> Active(this Scenario s)
    {
        var decided = await s.Decided(SupportType.Basis);
        var ha = await s.Arrangements(Callers.HaStadse);
        return (await ha.StartArrangementAsync(new() { ArrangementId = decided.Id })).Arrangement;
    }
}
